package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON value at the parser's current token into plain Java values: read-only maps in document order
 * ({@link JsonObject}, collected in the caller's {@link JsonObject.Builder}), lists, strings through a
 * {@link StringTable}, numbers, booleans.
 */
final class JsonValues {

    private JsonValues() {}

    /** The object at the current {@code START_OBJECT}, leaving the parser on its {@code END_OBJECT}. */
    static Map<String, Object> readObject(JsonParser p, RecordBudget budget, StringTable strings,
                                          JsonObject.Builder objects) throws IOException {
        int mark = objects.begin();
        String name;
        // checked per member, not per object: a flat object of a million members is as large as a deep one
        while ((name = p.nextFieldName()) != null) {
            budget.check();
            objects.put(mark, name, readValue(p, p.nextToken(), budget, strings, objects));
        }
        return objects.build(mark);
    }

    /**
     * The selected paths of the object at the current {@code START_OBJECT}, leaving the parser on its
     * {@code END_OBJECT}. A selected leaf keeps its whole value, as {@link #readValue} reads it; a key with
     * selected children keeps only an object, read the same way; everything else is skipped.
     */
    static Map<String, Object> readSelected(JsonParser p, RecordBudget budget, JsonSelection selection,
                                            StringTable strings, JsonObject.Builder objects) throws IOException {
        budget.check();
        int mark = objects.begin();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            JsonSelection child = selection.child(name);
            if (child == null) {
                p.skipChildren();
            } else if (child.isLeaf()) {
                objects.put(mark, name, readValue(p, t, budget, strings, objects));
            } else if (t == JsonToken.START_OBJECT) {
                objects.put(mark, name, readSelected(p, budget, child, strings, objects));
            } else {
                p.skipChildren();
            }
        }
        return objects.build(mark);
    }

    /** The value at {@code token} (the current token), leaving the parser on its last token. */
    static Object readValue(JsonParser p, JsonToken token, RecordBudget budget, StringTable strings,
                            JsonObject.Builder objects) throws IOException {
        switch (token) {
            case START_OBJECT:
                return readObject(p, budget, strings, objects);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    budget.check();
                    list.add(readValue(p, t, budget, strings, objects));
                }
                return list;
            case VALUE_STRING:
                return strings.text(p);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** A scalar as text (numbers and booleans included), null for null, objects and arrays (skipped). */
    static String scalarText(JsonParser p, JsonToken token, StringTable strings) throws IOException {
        if (token.isScalarValue()) {
            return token == JsonToken.VALUE_NULL ? null : strings.text(p);
        }
        p.skipChildren();
        return null;
    }

    /** The string under a path of nested maps, or null when any step is missing or not of the right type. */
    static String string(Map<String, Object> root, String... path) {
        Object v = root;
        for (String key : path) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(key);
        }
        return v instanceof String s && !s.isEmpty() ? s : null;
    }

    /** The map under a key, or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> root, String key) {
        return root != null && root.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}

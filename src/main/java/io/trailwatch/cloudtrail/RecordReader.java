package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the fields a {@link CloudTrailEvent} needs from one record object with the streaming parser and
 * skips everything else without building it.
 *
 * <p>Wrong JSON types: {@code eventID}, {@code eventName} and {@code eventTime} of any type but string make
 * the record bad (noted in {@link RawRecord#problem}). Every other field of the wrong type is ignored as if
 * absent, so that the event still reaches the rules: an object where a string belongs, a
 * {@code userIdentity}, {@code requestParameters} or {@code responseElements} that is not an object,
 * {@code resources} that is not an array. Numbers and booleans where a string belongs are kept as their text.
 */
final class RecordReader {

    /** Handles a top-level key the record reader does not know (envelope keys); returns whether it consumed the value. */
    @FunctionalInterface
    interface OtherField {
        OtherField SKIP = (name, p, token) -> false;

        boolean read(String name, JsonParser p, JsonToken token) throws IOException;
    }

    private RecordReader() {}

    /**
     * Reads the object at the current {@code START_OBJECT}, leaving the parser on its {@code END_OBJECT}. A
     * failed read may leave members in {@code objects}: the caller discards them.
     */
    static RawRecord read(JsonParser p, RecordBudget budget, OtherField other, StringTable strings,
                          JsonObject.Builder objects) throws IOException {
        RawRecord r = new RawRecord();
        try {
            readFields(p, r, budget, other, strings, objects);
        } catch (RecordBudget.RecordTooLargeException e) {
            throw e.after(r.cloudTrailKeySeen);
        }
        return r;
    }

    private static void readFields(JsonParser p, RawRecord r, RecordBudget budget, OtherField other,
                                   StringTable strings, JsonObject.Builder objects) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            budget.check();
            JsonToken t = p.nextToken();
            // Text fields are told apart first and read at one call site: a call per field made the JIT inline
            // the whole string reading path a dozen times into this method, its largest compilation.
            boolean required = false;
            StringTable table = strings;
            switch (name) {
                case "eventID", "eventTime" -> {
                    required = true;
                    table = StringTable.UNPOOLED;
                }
                case "eventName" -> required = true;
                case "@timestamp", "errorMessage" -> table = StringTable.UNPOOLED;
                case "eventSource", "eventVersion" -> r.cloudTrailKeySeen = true;
                case "eventType", "awsRegion", "recipientAccountId", "sourceIPAddress", "userAgent", "errorCode" -> { }
                default -> {
                    readOther(name, p, t, r, budget, other, strings, objects);
                    continue;
                }
            }
            r.text(name, required ? required(p, t, name, r, table) : optional(p, t, table));
        }
    }

    private static void readOther(String name, JsonParser p, JsonToken t, RawRecord r, RecordBudget budget,
                                  OtherField other, StringTable strings, JsonObject.Builder objects) throws IOException {
        switch (name) {
            case "readOnly" -> r.readOnly = bool(p, t, strings);
            case "userIdentity" -> {
                r.cloudTrailKeySeen = true;
                r.userIdentity = identity(p, t, budget, strings, objects);
            }
            case "requestParameters" -> r.requestParameters = object(p, t, budget, strings, objects);
            case "responseElements" -> r.responseElements = object(p, t, budget, strings, objects);
            case "resources" -> r.resourceArns = resourceArns(p, t, budget, strings, objects);
            default -> {
                if (!other.read(name, p, t)) {
                    p.skipChildren();
                }
            }
        }
    }

    private static String required(JsonParser p, JsonToken t, String field, RawRecord r, StringTable strings)
            throws IOException {
        r.cloudTrailKeySeen = true;
        if (t == JsonToken.VALUE_STRING) {
            String s = strings.text(p);
            return s.isBlank() ? null : s;
        }
        if (t != JsonToken.VALUE_NULL) {
            String shown = t.isScalarValue() ? " (" + p.getText() + ")" : "";
            p.skipChildren();
            r.problem(field + " is " + describe(t) + shown + ", expected a string");
        }
        return null;
    }

    private static String optional(JsonParser p, JsonToken t, StringTable strings) throws IOException {
        String s = JsonValues.scalarText(p, t, strings);
        return s == null || s.isEmpty() ? null : s;
    }

    private static Boolean bool(JsonParser p, JsonToken t, StringTable strings) throws IOException {
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        String s = JsonValues.scalarText(p, t, strings);
        return "true".equalsIgnoreCase(s) ? Boolean.TRUE : "false".equalsIgnoreCase(s) ? Boolean.FALSE : null;
    }

    private static Map<String, Object> object(JsonParser p, JsonToken t, RecordBudget budget, StringTable strings,
                                              JsonObject.Builder objects) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            return JsonValues.readObject(p, budget, strings, objects);
        }
        p.skipChildren();
        return null;
    }

    private static Map<String, Object> identity(JsonParser p, JsonToken t, RecordBudget budget, StringTable strings,
                                                JsonObject.Builder objects) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            return JsonValues.readSelected(p, budget, Principals.USER_IDENTITY_PATHS, strings, objects);
        }
        p.skipChildren();
        return null;
    }

    private static List<String> resourceArns(JsonParser p, JsonToken t, RecordBudget budget, StringTable strings,
                                             JsonObject.Builder objects) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<String> arns = new ArrayList<>(2);
        JsonToken element;
        while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            if (element == JsonToken.START_OBJECT) {
                Map<String, Object> resource = JsonValues.readObject(p, budget, strings, objects);
                String arn = JsonValues.string(resource, "ARN");
                arns.add(arn != null ? arn : JsonValues.string(resource, "arn"));
            } else {
                p.skipChildren();
            }
        }
        arns.removeIf(Objects::isNull);
        return arns;
    }

    static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "a string";
        };
    }
}

package io.trailwatch.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Building and validating the checkpoint documents of live sources; failures name the field and value. */
final class Checkpoints {

    static final String SOURCE = "source";

    private Checkpoints() {
    }

    /** A new checkpoint node stamped with the source id. */
    static ObjectNode forSource(String sourceId) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(SOURCE, sourceId);
        return node;
    }

    /** Checks that the checkpoint is non-null and was written by the source with this id. */
    static void requireSource(ObjectNode checkpoint, String sourceId) {
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint for source '" + sourceId + "' is null");
        }
        String owner = requireText(checkpoint, SOURCE, sourceId);
        if (!owner.equals(sourceId)) {
            throw new IllegalArgumentException("checkpoint belongs to source '" + owner + "', not '" + sourceId
                    + "': restore each source from its own checkpoint");
        }
    }

    static String requireText(ObjectNode checkpoint, String field, String sourceId) {
        JsonNode value = checkpoint.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed(field, "a string", value, sourceId);
        }
        return value.textValue();
    }

    static long requireNonNegativeLong(JsonNode container, String field, String sourceId) {
        JsonNode value = container.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw malformed(field, "a non-negative integer", value, sourceId);
        }
        return value.longValue();
    }

    static ObjectNode requireObject(JsonNode container, String field, String sourceId) {
        JsonNode value = container.get(field);
        if (value == null || !value.isObject()) {
            throw malformed(field, "an object", value, sourceId);
        }
        return (ObjectNode) value;
    }

    static IllegalArgumentException malformed(String field, String expected, JsonNode actual, String sourceId) {
        return new IllegalArgumentException("malformed checkpoint for source '" + sourceId + "': field '" + field
                + "' must be " + expected + ", got " + (actual == null ? "nothing" : actual.toString()));
    }
}

package io.trailwatch.cloudtrail;

import java.util.HashMap;
import java.util.Map;

/**
 * The paths of a JSON object worth building, as a tree of keys: {@code JsonSelection.of("type",
 * "sessionContext.sessionIssuer.arn")}. {@link JsonValues#readSelected} builds only these and skips every
 * other value in the parser without making strings or maps of it. Immutable.
 */
final class JsonSelection {

    private final Map<String, JsonSelection> children = new HashMap<>();

    private JsonSelection() {}

    /** A selection of dot-separated paths; a path's last key keeps its whole value. */
    static JsonSelection of(String... paths) {
        JsonSelection root = new JsonSelection();
        for (String path : paths) {
            JsonSelection node = root;
            for (String key : path.split("\\.")) {
                node = node.children.computeIfAbsent(key, k -> new JsonSelection());
            }
        }
        return root;
    }

    /** The selection under {@code key}, or null when the key is not selected. */
    JsonSelection child(String key) {
        return children.get(key);
    }

    /** Whether the whole value is kept (the key ends a path). */
    boolean isLeaf() {
        return children.isEmpty();
    }
}

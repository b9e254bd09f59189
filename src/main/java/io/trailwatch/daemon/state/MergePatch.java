package io.trailwatch.daemon.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON merge patches (RFC 7386) between two objects, so that a state document holding a series of similar
 * objects stores each one as its difference from the one before. Objects are compared member by member,
 * and a member that is the same node instance in both is unchanged without being read: successive source
 * positions share their unchanged parts, so a patch costs what changed, not the size of the position.
 *
 * <p>A merge patch cannot set a member to JSON {@code null} (null means "remove"); {@link #diff} returns
 * null for such a pair and the caller stores the object whole.
 */
public final class MergePatch {

    private MergePatch() {}

    /**
     * The patch that turns {@code from} into {@code to}: members of {@code to} that differ (objects
     * recursively), and {@code null} for members {@code to} no longer has; null when {@code to} holds a
     * null member that differs from {@code from}.
     */
    public static ObjectNode diff(ObjectNode from, ObjectNode to) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (Iterator<String> names = from.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!to.has(name)) {
                patch.putNull(name);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> members = to.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            JsonNode before = from.get(member.getKey());
            JsonNode after = member.getValue();
            if (before == after || after.equals(before)) {
                continue;
            }
            if (before instanceof ObjectNode b && after instanceof ObjectNode a) {
                ObjectNode inner = diff(b, a);
                if (inner == null) {
                    return null;
                }
                patch.set(member.getKey(), inner);
            } else if (after.isNull() || containsNull(after)) {
                return null;
            } else {
                patch.set(member.getKey(), after);
            }
        }
        return patch;
    }

    /**
     * {@code target} with {@code patch} applied, as a new object; {@code target} is not modified and the
     * members the patch leaves alone are shared with it.
     */
    public static ObjectNode apply(ObjectNode target, ObjectNode patch) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.setAll(target);
        for (Iterator<Map.Entry<String, JsonNode>> members = patch.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            JsonNode value = member.getValue();
            JsonNode current = result.get(member.getKey());
            if (value.isNull()) {
                result.remove(member.getKey());
            } else if (value instanceof ObjectNode inner && current instanceof ObjectNode object) {
                result.set(member.getKey(), apply(object, inner));
            } else {
                result.set(member.getKey(), value);
            }
        }
        return result;
    }

    private static boolean containsNull(JsonNode node) {
        if (node.isNull()) {
            return true;
        }
        for (JsonNode child : node) {
            if (containsNull(child)) {
                return true;
            }
        }
        return false;
    }
}

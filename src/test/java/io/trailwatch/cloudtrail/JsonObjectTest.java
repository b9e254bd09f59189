package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectTest {

    @Test
    void behavesAsAnInsertionOrderedMapWithTheLastValueOfARepeatedKey() {
        JsonObject.Builder b = new JsonObject.Builder();
        int mark = b.begin();
        b.put(mark, "instancesSet", List.of("i-1"));
        b.put(mark, "force", Boolean.TRUE);
        b.put(mark, "instancesSet", List.of("i-2"));
        b.put(mark, "dryRun", null);
        Map<String, Object> map = b.build(mark);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("instancesSet", List.of("i-2"));
        expected.put("force", Boolean.TRUE);
        expected.put("dryRun", null);
        assertEquals(expected, map);
        assertEquals(expected.hashCode(), map.hashCode());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(map.keySet()));
        assertEquals(List.of("i-2"), map.get(new String("instancesSet")));
        assertTrue(map.containsKey("dryRun"));
        assertNull(map.get("dryRun"));
        assertFalse(map.containsKey("other"));
        assertThrows(UnsupportedOperationException.class, () -> map.put("x", 1));
        assertEquals(Map.of(), b.build(b.begin()));
    }

    @Test
    void anObjectWithManyKeysKeepsEveryKeyInOrder() {
        JsonObject.Builder b = new JsonObject.Builder();
        int mark = b.begin();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < JsonObject.MAX_KEYS * 3; i++) {
            keys.add("tag" + i);
            b.put(mark, "tag" + i, i);
        }
        b.put(mark, "tag0", "again");
        b.put(mark, "tag" + (JsonObject.MAX_KEYS * 3 - 1), "last again");
        Map<String, Object> map = b.build(mark);

        assertEquals(keys, List.copyOf(map.keySet()));
        assertEquals("again", map.get("tag0"));
        assertEquals(JsonObject.MAX_KEYS * 2, map.get("tag" + JsonObject.MAX_KEYS * 2));
        assertEquals("last again", map.get("tag" + (JsonObject.MAX_KEYS * 3 - 1)));
    }

    @Test
    void aNestedObjectIsBuiltApartFromItsParentWhoseMembersItKeeps() {
        JsonObject.Builder b = new JsonObject.Builder();
        int outer = b.begin();
        b.put(outer, "bucketName", "logs");
        int inner = b.begin();
        b.put(inner, "bucketName", "nested");
        b.put(inner, "Status", "Enabled");
        b.put(outer, "rule", b.build(inner));
        b.put(outer, "Status", "Suspended");
        Map<String, Object> map = b.build(outer);

        assertEquals(List.of("bucketName", "rule", "Status"), List.copyOf(map.keySet()));
        assertEquals("logs", map.get("bucketName"));
        assertEquals(Map.of("bucketName", "nested", "Status", "Enabled"), map.get("rule"));
        assertEquals("Suspended", map.get("Status"));
    }

    @Test
    void theObjectsOfAFailedRecordNeverReachTheNextOne() {
        JsonObject.Builder b = new JsonObject.Builder();
        int failed = b.begin();
        b.put(failed, "userName", "from-the-failed-record");
        int open = b.begin();
        b.put(open, "roleName", "half-read");
        b.discard(failed);

        int next = b.begin();
        assertEquals(failed, next);
        b.put(next, "eventName", "DeleteUser");
        assertEquals(Map.of("eventName", "DeleteUser"), b.build(next));
        assertEquals(Map.of(), b.build(b.begin()));
    }
}

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
        b.put("instancesSet", List.of("i-1"));
        b.put("force", Boolean.TRUE);
        b.put("instancesSet", List.of("i-2"));
        b.put("dryRun", null);
        Map<String, Object> map = b.build();

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
        assertEquals(Map.of(), new JsonObject.Builder().build());
    }

    @Test
    void anObjectWithManyKeysKeepsEveryKeyInOrder() {
        JsonObject.Builder b = new JsonObject.Builder();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < JsonObject.MAX_KEYS * 3; i++) {
            keys.add("tag" + i);
            b.put("tag" + i, i);
        }
        b.put("tag0", "again");
        Map<String, Object> map = b.build();

        assertEquals(keys, List.copyOf(map.keySet()));
        assertEquals("again", map.get("tag0"));
        assertEquals(JsonObject.MAX_KEYS * 2, map.get("tag" + JsonObject.MAX_KEYS * 2));
    }
}

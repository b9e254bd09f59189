package io.trailwatch.cloudtrail;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A decoded JSON object as a read-only map in document order, held as one array of alternating keys and
 * values. A {@code LinkedHashMap} of the same five keys (a typical {@code requestParameters}) takes about
 * three times the memory and four allocations more; decoding allocates one of these per object of every
 * record, and the reorder buffer holds tens of thousands of them. Lookups scan the keys, which is as fast as
 * hashing for the handful of keys a CloudTrail object has; objects with more than {@value #MAX_KEYS} keys
 * are kept in a {@code LinkedHashMap} instead. A repeated key keeps its first position and its last value,
 * as a {@code LinkedHashMap} would.
 */
final class JsonObject extends AbstractMap<String, Object> {

    static final int MAX_KEYS = 32;

    private final Object[] keysAndValues;

    private JsonObject(Object[] keysAndValues) {
        this.keysAndValues = keysAndValues;
    }

    /** Collects one object's members, then {@link #build()}s the map. Not thread-safe. */
    static final class Builder {
        private Object[] members = new Object[8];
        private int length;
        private Map<String, Object> large;

        void put(String key, Object value) {
            if (large != null) {
                large.put(key, value);
                return;
            }
            for (int i = 0; i < length; i += 2) {
                if (members[i].equals(key)) {
                    members[i + 1] = value;
                    return;
                }
            }
            if (length == 2 * MAX_KEYS) {
                large = new LinkedHashMap<>();
                for (int i = 0; i < length; i += 2) {
                    large.put((String) members[i], members[i + 1]);
                }
                large.put(key, value);
                return;
            }
            if (length == members.length) {
                members = Arrays.copyOf(members, length * 2);
            }
            members[length++] = key;
            members[length++] = value;
        }

        Map<String, Object> build() {
            if (large != null) {
                return large;
            }
            return length == 0 ? Map.of() : new JsonObject(length == members.length ? members : Arrays.copyOf(members, length));
        }
    }

    @Override
    public int size() {
        return keysAndValues.length / 2;
    }

    @Override
    public Object get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : keysAndValues[at + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object k = keysAndValues[i];
            if (k == key || k.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return JsonObject.this.size();
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keysAndValues.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> e = new SimpleImmutableEntry<>((String) keysAndValues[next], keysAndValues[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }
        };
    }
}

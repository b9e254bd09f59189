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

    /**
     * Collects the members of the objects being read, a nested object's above its parent's, so that one
     * builder serves every object of a decoding thread without allocating anything but the maps it builds:
     * {@code int mark = b.begin(); b.put(mark, key, value) ...; Map m = b.build(mark);}. An object's build
     * must come before its parent's next put. Not thread-safe.
     */
    static final class Builder {
        private Object[] members = new Object[4 * MAX_KEYS];
        private int top;

        /** Starts an object; pass the mark returned to its {@link #put} and {@link #build}. */
        int begin() {
            return top;
        }

        void put(int mark, String key, Object value) {
            // Past MAX_KEYS members the key is appended unchecked: the LinkedHashMap that build makes then
            // keeps a repeated key at its first position with its last value, as here.
            if (top - mark < 2 * MAX_KEYS) {
                for (int i = mark; i < top; i += 2) {
                    if (members[i].equals(key)) {
                        members[i + 1] = value;
                        return;
                    }
                }
            }
            if (top + 2 > members.length) {
                members = Arrays.copyOf(members, members.length * 2);
            }
            members[top++] = key;
            members[top++] = value;
        }

        /** The object begun at {@code mark}, whose members are then dropped from the builder. */
        Map<String, Object> build(int mark) {
            int length = top - mark;
            Map<String, Object> built;
            if (length == 0) {
                built = Map.of();
            } else if (length <= 2 * MAX_KEYS) {
                built = new JsonObject(Arrays.copyOfRange(members, mark, top));
            } else {
                Map<String, Object> large = new LinkedHashMap<>();
                for (int i = mark; i < top; i += 2) {
                    large.put((String) members[i], members[i + 1]);
                }
                built = large;
            }
            discard(mark);
            return built;
        }

        /** Drops the members of the object begun at {@code mark} and of every object in it: a record that failed. */
        void discard(int mark) {
            Arrays.fill(members, mark, top, null);
            top = mark;
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

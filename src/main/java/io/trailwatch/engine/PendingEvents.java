package io.trailwatch.engine;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.util.Arrays;

/**
 * The reorder buffer's store: a binary min-heap on {@code (eventTimeMillis, eventId)}. Event times, and the
 * first four characters of each event id packed into a long, are kept in primitive arrays beside the events,
 * so sifting compares longs held together in memory and touches an event only when both keys tie. A
 * {@code PriorityQueue} of events instead dereferences two events on every comparison; with tens of
 * thousands held (15 minutes of an organisation's trail) those are cache misses, and since CloudTrail times
 * have whole seconds, ties on time are the rule. Not thread-safe.
 */
final class PendingEvents {

    private static final int INITIAL = 1024;

    private long[] times = new long[INITIAL];
    private long[] idPrefixes = new long[INITIAL];
    private CloudTrailEvent[] events = new CloudTrailEvent[INITIAL];
    private int size;

    void add(CloudTrailEvent e) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            idPrefixes = Arrays.copyOf(idPrefixes, size * 2);
            events = Arrays.copyOf(events, size * 2);
        }
        int i = size++;
        long time = e.getEventTimeMillis();
        long prefix = prefix(e.getEventId());
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, prefix, e, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, time, prefix, e);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Time of the earliest event; only when not empty. */
    long peekTime() {
        return times[0];
    }

    /** Removes and returns the earliest event; only when not empty. */
    CloudTrailEvent poll() {
        CloudTrailEvent first = events[0];
        int last = --size;
        long time = times[last];
        long prefix = idPrefixes[last];
        CloudTrailEvent e = events[last];
        events[last] = null;
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(times[right], idPrefixes[right], events[right], child)) {
                child = right;
            }
            if (before(time, prefix, e, child)) {
                break;
            }
            move(child, i);
            i = child;
        }
        if (size > 0) {
            set(i, time, prefix, e);
        }
        return first;
    }

    /** Whether {@code (time, prefix, e)} sorts strictly before the entry at {@code slot}. */
    private boolean before(long time, long prefix, CloudTrailEvent e, int slot) {
        if (time != times[slot]) {
            return time < times[slot];
        }
        if (prefix != idPrefixes[slot]) {
            return Long.compareUnsigned(prefix, idPrefixes[slot]) < 0;
        }
        return e.getEventId().compareTo(events[slot].getEventId()) < 0;
    }

    private void move(int from, int to) {
        set(to, times[from], idPrefixes[from], events[from]);
    }

    private void set(int slot, long time, long prefix, CloudTrailEvent e) {
        times[slot] = time;
        idPrefixes[slot] = prefix;
        events[slot] = e;
    }

    /**
     * The first four UTF-16 units of {@code id}, zero-padded: unsigned order of prefixes agrees with
     * {@link String#compareTo} whenever they differ; equal prefixes say nothing and the ids are compared.
     */
    static long prefix(String id) {
        long key = 0;
        for (int i = 0; i < 4; i++) {
            key = (key << 16) | (i < id.length() ? id.charAt(i) : 0);
        }
        return key;
    }
}

package io.trailwatch.engine;

/**
 * The event ids an {@link EventTimeline} remembers to drop duplicate deliveries: every id taken, until its
 * event has been released and its time has fallen behind a horizon. Ids are forgotten in release order.
 *
 * <p>An open-addressing set (linear probing, each slot's hash kept beside it so that a probe compares ints
 * and reads an id only when the hashes agree) and a ring of released ids with their times. A
 * {@code HashSet} and a deque of records did the same with two objects per event and more cache misses;
 * they were a third of the feeding thread's time in a replay. Not thread-safe.
 */
final class EventIdWindow {

    private static final int INITIAL = 1024;

    private String[] ids = new String[INITIAL];
    private int[] hashes = new int[INITIAL];
    private int size;

    private String[] releasedIds = new String[INITIAL];
    private long[] releasedTimes = new long[INITIAL];
    private int head;
    private int releasedCount;

    /** Takes {@code id}; false when it is already held (a duplicate delivery). */
    boolean add(String id) {
        int hash = id.hashCode();
        int mask = ids.length - 1;
        int i = slot(hash, mask);
        while (ids[i] != null) {
            if (hashes[i] == hash && ids[i].equals(id)) {
                return false;
            }
            i = (i + 1) & mask;
        }
        ids[i] = id;
        hashes[i] = hash;
        if (++size > ids.length / 2) {
            grow();
        }
        return true;
    }

    /** The event {@code id} went downstream at {@code timeMillis}: it may be forgotten once that is old enough. */
    void released(String id, long timeMillis) {
        if (releasedCount == releasedIds.length) {
            int n = releasedIds.length;
            String[] newIds = new String[n * 2];
            long[] newTimes = new long[n * 2];
            for (int k = 0; k < n; k++) {
                newIds[k] = releasedIds[(head + k) % n];
                newTimes[k] = releasedTimes[(head + k) % n];
            }
            releasedIds = newIds;
            releasedTimes = newTimes;
            head = 0;
        }
        int tail = (head + releasedCount) % releasedIds.length;
        releasedIds[tail] = id;
        releasedTimes[tail] = timeMillis;
        releasedCount++;
    }

    /** Forgets released ids, oldest release first, while their time is before {@code horizonMillis}. */
    void forgetReleasedBefore(long horizonMillis) {
        while (releasedCount > 0 && releasedTimes[head] < horizonMillis) {
            remove(releasedIds[head]);
            releasedIds[head] = null;
            head = (head + 1) % releasedIds.length;
            releasedCount--;
        }
    }

    /** Ids held. */
    int size() {
        return size;
    }

    private void remove(String id) {
        int hash = id.hashCode();
        int mask = ids.length - 1;
        int i = slot(hash, mask);
        while (ids[i] != null) {
            if (hashes[i] == hash && ids[i].equals(id)) {
                closeGap(i, mask);
                size--;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Backward-shift deletion: moves later entries of the probe run into the gap so every lookup still finds them. */
    private void closeGap(int gap, int mask) {
        int i = gap;
        while (true) {
            i = (i + 1) & mask;
            if (ids[i] == null) {
                break;
            }
            int home = slot(hashes[i], mask);
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                ids[gap] = ids[i];
                hashes[gap] = hashes[i];
                gap = i;
            }
        }
        ids[gap] = null;
    }

    private void grow() {
        String[] oldIds = ids;
        int[] oldHashes = hashes;
        ids = new String[oldIds.length * 2];
        hashes = new int[oldIds.length * 2];
        int mask = ids.length - 1;
        for (int k = 0; k < oldIds.length; k++) {
            if (oldIds[k] != null) {
                int i = slot(oldHashes[k], mask);
                while (ids[i] != null) {
                    i = (i + 1) & mask;
                }
                ids[i] = oldIds[k];
                hashes[i] = oldHashes[k];
            }
        }
    }

    /** String hashes of similar ids differ little in their low bits: spread them before masking. */
    private static int slot(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}

package io.trailwatch.pipeline;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Notices that the heap is exhausted before the JVM gives up: when full collections leave the heap over a
 * fraction of its maximum ({@value #EXHAUSTED} in replay) {@value #IN_A_ROW} times in a row, what is left is
 * live and the collector is freeing room for a few more events at a time. A 100k-record replay that could not
 * fit in a 48 MiB heap ran some 900 full collections over a minute (each leaving it 91% full) before the JVM
 * threw {@link OutOfMemoryError}; with the guard it stops after the third.
 *
 * <p>Only full collections count, since after a young one the heap still holds old garbage, and only the
 * whole heap: the old generation alone is often nearly full in a run that completes, with the young
 * generation still free (a replay living in 16 of 22 MiB did). Thread-safe: the JVM reports collections on
 * its own thread.
 */
final class HeapGuard implements AutoCloseable {

    /** How full a full collection may leave the heap, as a fraction of its maximum. */
    static final double EXHAUSTED = 0.85;
    /** How many full collections in a row must leave it fuller than that. */
    static final int IN_A_ROW = 3;

    private final long limitBytes;
    private final int inARow;
    /** A collection reports every memory pool; only these count. */
    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onCollection;
    private int fullInARow;
    private volatile boolean exhausted;

    /**
     * Starts watching; {@link #close()} stops.
     *
     * @param fraction of the maximum heap ({@link Runtime#maxMemory()}), in (0, 1]
     * @param inARow   full collections in a row that must each leave more than that in use
     */
    HeapGuard(double fraction, int inARow) {
        this.limitBytes = (long) (Runtime.getRuntime().maxMemory() * fraction);
        this.inARow = inARow;
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /**
     * Throws {@link OutOfMemoryError} once a full collection has left the old generation over the threshold,
     * so the caller fails as it would when the JVM runs out, only sooner. Cheap: one volatile read.
     */
    void check() {
        if (exhausted) {
            throw new OutOfMemoryError("the old generation was still full after a full collection");
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to undo
            }
        }
    }

    private void onCollection(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (!info.getGcAction().contains("major")) {
            return;
        }
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        synchronized (this) {
            fullInARow = used > limitBytes ? fullInARow + 1 : 0;
            if (fullInARow >= inARow) {
                exhausted = true;
            }
        }
    }
}

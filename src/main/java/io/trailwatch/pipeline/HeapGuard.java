package io.trailwatch.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

/**
 * Notices that the heap is exhausted before the JVM gives up: when the old generation is still over a
 * fraction ({@value #EXHAUSTED} in replay) full right after a full collection, the collector goes on to spend
 * nearly all its time freeing room for a few more events at a time. A 100k-record replay that could not fit
 * in a 48 MiB heap ran some 900 full collections over a minute before the JVM threw
 * {@link OutOfMemoryError}; with the guard it stops at the first such collection.
 *
 * <p>The threshold is JVM-wide state ({@link MemoryPoolMXBean#setCollectionUsageThreshold}); one guard at a
 * time. Thread-safe: the JVM reports crossings on its own thread.
 */
final class HeapGuard implements AutoCloseable {

    /** How full the old generation may be after a full collection before the run is stopped. */
    static final double EXHAUSTED = 0.95;

    private final List<MemoryPoolMXBean> oldGeneration;
    private final NotificationEmitter memory = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
    private final NotificationListener listener = (notification, handback) -> {
        if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
            exhausted = true;
        }
    };
    private volatile boolean exhausted;

    /** Starts watching; {@link #close()} stops. {@code fraction} of the old generation's maximum, in (0, 1]. */
    HeapGuard(double fraction) {
        // The old generation is the heap pool with a usage threshold; young pools have only collection thresholds.
        oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isUsageThresholdSupported()
                        && p.isCollectionUsageThresholdSupported() && p.getUsage().getMax() > 0)
                .toList();
        memory.addNotificationListener(listener, null, null);
        for (MemoryPoolMXBean pool : oldGeneration) {
            pool.setCollectionUsageThreshold(Math.max(1, (long) (pool.getUsage().getMax() * fraction)));
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
        for (MemoryPoolMXBean pool : oldGeneration) {
            pool.setCollectionUsageThreshold(0);
        }
        try {
            memory.removeNotificationListener(listener);
        } catch (ListenerNotFoundException e) {
            throw new IllegalStateException("the heap guard's listener was removed twice", e);
        }
    }
}

package io.trailwatch.bench;

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
 * Watches the heap of this JVM through garbage-collection notifications. The heap in use right after a
 * collection approximates the live heap (what the program holds) far better than the peak in use, which
 * also counts garbage not yet collected and so only says how large the heap was allowed to grow.
 *
 * <p>Reports the largest after-collection heap seen (an upper bound of the live heap: a young collection
 * leaves old garbage in place), the pools' peak usage, and every after-collection sample, which shows
 * whether a long run's heap stays flat (one sample per collection: a few thousand for a 10M-record run). Thread-safe: notifications arrive on a JMX thread.
 */
public final class HeapWatch implements AutoCloseable {

    /**
     * The heap after one collection. After a full collection ({@code full}) it is the live heap; after a
     * young one it also counts the old generation's garbage, so it is only an upper bound.
     */
    public record Sample(long uptimeMillis, long usedAfterGcBytes, boolean full) {}

    private final Set<String> heapPools;
    private final List<Sample> samples = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private long maxAfterGc;
    private long collections;

    /** Starts watching; {@link #close()} stops. */
    public HeapWatch() {
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

    /** The largest heap in use right after a collection, in bytes; 0 when no collection ran. */
    public synchronized long maxUsedAfterGcBytes() {
        return maxAfterGc;
    }

    /** Collections seen. */
    public synchronized long collections() {
        return collections;
    }

    /** After-collection samples in order. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Sum of the heap pools' peak usage since the JVM started: garbage included, bounded by -Xmx. */
    public long peakUsedBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Collects the whole heap and returns what is still in use: the live heap now. */
    public static long liveBytesAfterFullGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        synchronized (this) {
            collections++;
            maxAfterGc = Math.max(maxAfterGc, used);
            samples.add(new Sample(info.getGcInfo().getEndTime(), used, info.getGcAction().contains("major")));
        }
    }
}

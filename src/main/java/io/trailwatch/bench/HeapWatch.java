package io.trailwatch.bench;

import io.trailwatch.pipeline.HeapAfterGc;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches the heap of this JVM through garbage-collection notifications. The heap in use right after a
 * collection approximates the live heap (what the program holds) far better than the peak in use, which
 * also counts garbage not yet collected and so only says how large the heap was allowed to grow.
 *
 * <p>Reports the largest after-collection heap seen (an upper bound of the live heap: a young collection
 * leaves old garbage in place), the pools' peak usage, and every after-collection sample, which shows
 * whether a long run's heap stays flat (one sample per collection: a few thousand for a 10M-record run).
 * Thread-safe: notifications arrive on a JMX thread.
 */
public final class HeapWatch implements AutoCloseable {

    private final List<HeapAfterGc.Collection> samples = new ArrayList<>();
    private final HeapAfterGc afterGc;
    private long maxAfterGc;

    /** Starts watching; {@link #close()} stops. */
    public HeapWatch() {
        afterGc = new HeapAfterGc(this::onCollection);
    }

    /** The largest heap in use right after a collection, in bytes; 0 when no collection ran. */
    public synchronized long maxUsedAfterGcBytes() {
        return maxAfterGc;
    }

    /** Collections seen. */
    public synchronized long collections() {
        return samples.size();
    }

    /** After-collection samples in order. */
    public synchronized List<HeapAfterGc.Collection> samples() {
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
        afterGc.close();
    }

    private synchronized void onCollection(HeapAfterGc.Collection collection) {
        maxAfterGc = Math.max(maxAfterGc, collection.usedAfterGcBytes());
        samples.add(collection);
    }
}

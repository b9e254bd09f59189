package io.trailwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where this process's CPU went so far: all threads, the calling thread (in a replay, the thread that feeds
 * the engine), the JIT compiler and the collector's pauses. The last two come from the JVM's own counters
 * of compiler and pause time (milliseconds); with several collector threads a pause costs more CPU than
 * its length, so the remainder ({@code process − caller − jit − gc}: decoding, mostly) is an upper bound.
 *
 * @param processNanos CPU time of every thread of the process
 * @param callerNanos  CPU time of the thread that took this measure
 * @param jitNanos     time the JIT compilers spent compiling
 * @param gcPauseNanos time collections paused the application
 */
public record CpuUse(long processNanos, long callerNanos, long jitNanos, long gcPauseNanos) {

    private static final String PROCESS = "process";
    private static final String FEED_THREAD = "feedThread";
    private static final String JIT_COMPILER = "jitCompiler";
    private static final String GC_PAUSES = "gcPauses";

    /** The counters now. */
    public static CpuUse ofThisProcess() {
        long gcMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        var compilation = ManagementFactory.getCompilationMXBean();
        long jitMillis = compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
        return new CpuUse(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(),
                jitMillis * 1_000_000, gcMillis * 1_000_000);
    }

    /** The parts in seconds, as {@code replay --stats} writes them under {@code cpuSeconds}. */
    public Map<String, Double> toSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put(PROCESS, processNanos / 1e9);
        seconds.put(FEED_THREAD, callerNanos / 1e9);
        seconds.put(JIT_COMPILER, jitNanos / 1e9);
        seconds.put(GC_PAUSES, gcPauseNanos / 1e9);
        return seconds;
    }

    /** Reads what {@link #toSeconds} wrote; a missing part counts as zero. */
    public static CpuUse fromSeconds(JsonNode seconds) {
        return new CpuUse(nanos(seconds, PROCESS), nanos(seconds, FEED_THREAD), nanos(seconds, JIT_COMPILER),
                nanos(seconds, GC_PAUSES));
    }

    /** What is left once the caller, the JIT and the pauses are taken off: the other threads' work. */
    public long otherNanos() {
        return Math.max(0, processNanos - callerNanos - jitNanos - gcPauseNanos);
    }

    private static long nanos(JsonNode seconds, String part) {
        return Math.round(seconds.path(part).asDouble() * 1e9);
    }
}

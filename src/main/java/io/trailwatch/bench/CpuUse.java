package io.trailwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where this process's CPU went so far: all threads, the calling thread (in a replay, the thread that feeds
 * the engine), the JIT compiler threads and the collector threads. On Linux the last two are those threads'
 * CPU time ({@link JvmThreadCpu}); elsewhere they fall back to the JVM's compile time and pause time,
 * which are elapsed times (a pause of N collector threads costs up to N times its length). The remainder
 * ({@code process − caller − jit − gc}) is the other threads' work: decoding, mostly.
 *
 * @param processNanos CPU time of every thread of the process
 * @param callerNanos  CPU time of the thread that took this measure
 * @param jitNanos     CPU time of the JIT compiler threads
 * @param gcNanos      CPU time of the collector threads
 */
public record CpuUse(long processNanos, long callerNanos, long jitNanos, long gcNanos) {

    private static final String PROCESS = "process";
    private static final String FEED_THREAD = "feedThread";
    private static final String JIT_THREADS = "jitThreads";
    private static final String GC_THREADS = "gcThreads";

    /** The counters now. */
    public static CpuUse ofThisProcess() {
        JvmThreadCpu threads = JvmThreadCpu.ofThisProcess();
        long jit = threads.nanos(JvmThreadCpu.JIT_COMPILERS).orElseGet(CpuUse::compileTimeNanos);
        long gc = threads.nanos(JvmThreadCpu.COLLECTORS).orElseGet(CpuUse::pauseTimeNanos);
        return new CpuUse(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), jit, gc);
    }

    private static long compileTimeNanos() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() * 1_000_000 : 0;
    }

    private static long pauseTimeNanos() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, collector.getCollectionTime());
        }
        return millis * 1_000_000;
    }

    /** The parts in seconds, as {@code replay --stats} writes them under {@code cpuSeconds}. */
    public Map<String, Double> toSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put(PROCESS, processNanos / 1e9);
        seconds.put(FEED_THREAD, callerNanos / 1e9);
        seconds.put(JIT_THREADS, jitNanos / 1e9);
        seconds.put(GC_THREADS, gcNanos / 1e9);
        return seconds;
    }

    /** Reads what {@link #toSeconds} wrote; a missing part counts as zero. */
    public static CpuUse fromSeconds(JsonNode seconds) {
        return new CpuUse(nanos(seconds, PROCESS), nanos(seconds, FEED_THREAD), nanos(seconds, JIT_THREADS),
                nanos(seconds, GC_THREADS));
    }

    /** What is left once the caller, the JIT and the collector are taken off: the other threads' work. */
    public long otherNanos() {
        return Math.max(0, processNanos - callerNanos - jitNanos - gcNanos);
    }

    private static long nanos(JsonNode seconds, String part) {
        return Math.round(seconds.path(part).asDouble() * 1e9);
    }
}

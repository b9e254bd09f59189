package io.trailwatch.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Where this process's CPU went so far: all threads, the calling thread (in a replay, the thread that feeds
 * the engine), the JIT compiler and the collector's pauses. The last two come from the JVM's own counters
 * in milliseconds of compiler and pause time; with several collector threads a pause costs more CPU than
 * its length, so the remainder ({@code process − caller − jit − gc}: decoding, mostly) is an upper bound.
 *
 * @param processNanos CPU time of every thread of the process
 * @param callerNanos  CPU time of the thread that took this measure
 * @param jitMillis    time the JIT compilers spent compiling
 * @param gcPauseMillis time collections paused the application
 */
public record CpuUse(long processNanos, long callerNanos, long jitMillis, long gcPauseMillis) {

    /** The counters now. */
    public static CpuUse ofThisProcess() {
        long gc = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, collector.getCollectionTime());
        }
        var compilation = ManagementFactory.getCompilationMXBean();
        long jit = compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
        return new CpuUse(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), jit, gc);
    }

    /** What is left once the caller, the JIT and the pauses are taken off: the other threads' work. */
    public long otherNanos() {
        return Math.max(0, processNanos - callerNanos - jitMillis * 1_000_000 - gcPauseMillis * 1_000_000);
    }
}

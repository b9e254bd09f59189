package io.trailwatch.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * CPU time of the JVM's own threads (JIT compilers, collector workers), which {@code ThreadMXBean} does not
 * list, read from Linux's per-thread accounting: {@code /proc/self/task/<tid>/comm} names a thread (cut to
 * 15 characters) and the first field of {@code schedstat} is its time on a CPU in nanoseconds.
 *
 * <p>Why not the JVM's counters: its compile time and collection time are elapsed times. On a loaded
 * machine a compile waits for a core and is counted meanwhile, and a pause keeps every collector thread
 * busy; in a 1M-record replay the compile-time counter said 5.0 s where the compiler threads used 3.5 s of
 * CPU. Only threads alive when read are counted: one the JVM has retired (an idle extra compiler thread)
 * takes its time with it.
 */
final class JvmThreadCpu {

    static final Predicate<String> JIT_COMPILERS = name -> name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler");
    /** Parallel's and G1's workers ("GC Thread#0") and G1's concurrent threads ("G1 Conc#0", "G1 Refine#0", ...). */
    static final Predicate<String> COLLECTORS = name -> name.startsWith("GC Thread") || name.startsWith("G1 ");

    private final Path tasks;

    JvmThreadCpu(Path tasks) {
        this.tasks = tasks;
    }

    /** This process's threads. */
    static JvmThreadCpu ofThisProcess() {
        return new JvmThreadCpu(Path.of("/proc/self/task"));
    }

    /** Summed CPU nanoseconds of the live threads whose name passes {@code which}; empty where threads cannot be read (not Linux). */
    OptionalLong nanos(Predicate<String> which) {
        if (!Files.isDirectory(tasks)) {
            return OptionalLong.empty();
        }
        long sum = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                sum += nanos(thread, which);
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(sum);
    }

    private static long nanos(Path thread, Predicate<String> which) {
        try {
            if (!which.test(Files.readString(thread.resolve("comm")).strip())) {
                return 0;
            }
            String schedstat = Files.readString(thread.resolve("schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended while the directory was read
        }
    }
}

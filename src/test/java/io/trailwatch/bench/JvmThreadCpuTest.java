package io.trailwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmThreadCpuTest {

    @TempDir
    Path tasks;

    @Test
    void sumsTheCpuOfTheThreadsWhoseNamePasses() throws IOException {
        thread("101", "C2 CompilerThre", "2500000000 1200 900");
        thread("102", "C1 CompilerThre", "500000000 10 10");
        thread("103", "GC Thread#0", "700000000 5 5");
        thread("104", "G1 Refine#0", "100000000 5 5");
        thread("105", "decode-1", "9000000000 5 5");
        JvmThreadCpu cpu = new JvmThreadCpu(tasks);

        assertEquals(OptionalLong.of(3_000_000_000L), cpu.nanos(JvmThreadCpu.JIT_COMPILERS));
        assertEquals(OptionalLong.of(800_000_000L), cpu.nanos(JvmThreadCpu.COLLECTORS));
    }

    @Test
    void aThreadThatEndedWhileBeingReadCountsAsNothing() throws IOException {
        thread("101", "C2 CompilerThre", "2500000000 1 1");
        Files.createDirectories(tasks.resolve("102")); // its files were gone by the time they were read
        Files.writeString(tasks.resolve("102/comm"), "C1 CompilerThre\n");

        assertEquals(OptionalLong.of(2_500_000_000L), new JvmThreadCpu(tasks).nanos(JvmThreadCpu.JIT_COMPILERS));
    }

    @Test
    void withoutPerThreadAccountingThereIsNoFigure() {
        assertEquals(OptionalLong.empty(), new JvmThreadCpu(tasks.resolve("absent")).nanos(JvmThreadCpu.COLLECTORS));
    }

    @Test
    void onLinuxThisJvmsCompilerThreadsHaveUsedCpuByNow() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");

        long nanos = JvmThreadCpu.ofThisProcess().nanos(JvmThreadCpu.JIT_COMPILERS).orElseThrow();

        assertTrue(nanos > 0, "the JIT has compiled the test framework by now: " + nanos);
    }

    private void thread(String tid, String name, String schedstat) throws IOException {
        Path dir = Files.createDirectories(tasks.resolve(tid));
        Files.writeString(dir.resolve("comm"), name + "\n");
        Files.writeString(dir.resolve("schedstat"), schedstat + "\n");
    }
}

package io.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.generate.Generator;
import io.trailwatch.generate.GeneratorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay too large for its heap ends in one line that names the heap, what filled it and the setting that
 * fixes it, with exit code 2, not a minute of collecting and a stack trace per thread. A child JVM with a
 * small heap replays a generated stream that does not fit unsorted but fits with a lateness bound.
 */
class ReplayOutOfMemoryTest {

    private static final String HEAP = "-Xmx24m";

    @TempDir
    static Path dir;

    private static Path input;

    private record Child(int exit, String stdout, String stderr) {}

    @BeforeAll
    static void generate() throws Exception {
        input = dir.resolve("generated");
        new Generator(new GeneratorOptions(input, 40_000, 3, 2, 2, 12, GeneratorOptions.DEFAULT_START,
                0.01, 0.005, true)).run();
    }

    private static Child replay(String... options) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The parallel collector, as the launcher runs replay: its small old generation once made a guard on
        // the old generation alone stop a replay that fits.
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.trailwatch.cli.Main", "replay",
                "--rules", "epl", "--format", "json", "--output", dir.resolve("alerts.json").toString(), "--quiet"));
        command.addAll(List.of(options));
        command.add(input.resolve("AWSLogs").toString());
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("replay with " + HEAP + " did not end within 120 s");
        }
        return new Child(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void anUnsortedReplayThatDoesNotFitSaysToBoundTheLateness() throws Exception {
        Child run = replay();

        assertEquals(ExitCode.USAGE, run.exit(), run.stderr());
        List<String> lines = run.stderr().lines().toList();
        assertEquals(1, lines.size(), "one line, no stack traces:\n" + run.stderr());
        String line = lines.get(0);
        assertTrue(line.startsWith("trailwatch replay: out of memory: the Java heap (at most "), line);
        assertTrue(line.matches(".* filled up with [0-9,]+ events in the reorder buffer; .*"), line);
        assertTrue(line.contains("Pass --max-lateness 15m") && line.contains("JAVA_OPTS=-Xmx"), line);
        assertEquals("", run.stdout());
    }

    @Test
    void theAdvisedLatenessBoundMakesItFit() throws Exception {
        Child run = replay("--max-lateness", "15m");

        assertEquals(ExitCode.OK, run.exit(), run.stderr());
        assertTrue(Files.size(dir.resolve("alerts.json")) > 0, "the generated attacks raise alerts");
    }
}

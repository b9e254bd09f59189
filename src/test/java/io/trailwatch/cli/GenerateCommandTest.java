package io.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Terminal terminal = new Terminal(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Main(Commands.all()).run(args, terminal);
    }

    @Test
    void writesTheDataSetAndOneSummaryLine() {
        Path out = dir.resolve("data");
        int exit = run("generate", "--out", out.toString(), "--events", "3000", "--seed", "5", "--accounts", "2",
                "--regions", "1");
        assertEquals(ExitCode.OK, exit, err.toString(StandardCharsets.UTF_8));
        String summary = err.toString(StandardCharsets.UTF_8);
        assertTrue(summary.startsWith("generated "), summary);
        assertEquals(1, summary.lines().count(), summary);
        assertTrue(Files.isDirectory(out.resolve("AWSLogs")));
        assertTrue(Files.isRegularFile(out.resolve("ground-truth.json")));
    }

    @Test
    void refusesToMixWithAnEarlierDataSet() {
        Path out = dir.resolve("data");
        assertEquals(ExitCode.OK, run("generate", "--out", out.toString(), "--events", "500", "--accounts", "1",
                "--regions", "1", "--no-scenarios"));
        err.reset();
        assertEquals(ExitCode.USAGE, run("generate", "--out", out.toString(), "--events", "500"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("already contains AWSLogs"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reportsBadOptionsAsUsageErrorsNamingTheValue() {
        assertEquals(ExitCode.USAGE, run("generate", "--events", "10"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--out DIR is required"));
        err.reset();
        assertEquals(ExitCode.USAGE, run("generate", "--out", dir.toString(), "--events", "lots"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'lots' is not a whole number"));
        err.reset();
        assertEquals(ExitCode.USAGE, run("generate", "--out", dir.toString(), "--accounts", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("accounts = 0 is out of range 1..1000"));
    }

    @Test
    void aCountTooLargeForItsTypeIsRefusedNotWrappedAround() {
        assertEquals(ExitCode.USAGE, run("generate", "--out", dir.toString(), "--accounts", "4294967297"));
        assertEquals("trailwatch generate: --accounts: '4294967297' is out of range (the largest is 2147483647)",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void aFractionOutOfRangeNamesTheOptionToChange() {
        assertEquals(ExitCode.USAGE, run("generate", "--out", dir.toString(), "--late", "0.9"));
        assertEquals("trailwatch generate: lateFraction = 0.9 is out of range 0..0.5: change --late",
                err.toString(StandardCharsets.UTF_8).strip());
        err.reset();
        assertEquals(ExitCode.USAGE, run("generate", "--out", dir.toString(), "--duplicates", "-1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).strip().endsWith(": change --duplicates"));
    }
}

package io.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay stopped by a signal says so in one line: what it wrote is a partial result. Runs the CLI in a child
 * JVM (a signal ends the process); SIGTERM stands in for Ctrl-C, whose SIGINT a background test run may have
 * ignored for its children. Both go through the same shutdown path.
 */
class ReplayInterruptTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aReplayStoppedMidwaySaysItsResultIsPartialWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path deadLetter = dir.resolve("dead.jsonl");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.trailwatch.cli.Main", "replay", "--dead-letter", deadLetter.toString(), "-"))
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        try (OutputStream stdin = child.getOutputStream()) {
            stdin.write(input().getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            while (!hasLine(deadLetter)) {
                assertFalse(child.waitFor(100, TimeUnit.MILLISECONDS), "the replay ended on its own: " + Files.readString(err));
            }
            child.destroy();
            child.waitFor();
        }

        String printed = Files.readString(err);
        assertEquals("trailwatch replay: interrupted before the end of the input; the alerts and dead letters written so"
                + " far cover only part of it", printed.strip());
    }

    /** A bad line, then enough good records for the decoder to pass it on; stdin then stays open. */
    private static String input() {
        StringBuilder text = new StringBuilder("not json\n");
        for (int i = 0; i < 3000; i++) {
            text.append("{\"eventID\":\"e").append(i).append("\",\"eventName\":\"GetObject\",\"eventTime\":"
                    + "\"2024-01-02T03:04:05Z\",\"eventSource\":\"s3.amazonaws.com\"}\n");
        }
        return text.toString();
    }

    private static boolean hasLine(Path file) throws IOException {
        return Files.exists(file) && Files.readString(file).endsWith("\n");
    }
}

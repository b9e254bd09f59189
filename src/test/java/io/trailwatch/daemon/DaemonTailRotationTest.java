package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A JSON-lines file rotated by rename and by copy-truncate while being written: every line read exactly once. */
class DaemonTailRotationTest {

    private static final int LINES_PER_GENERATION = 15;

    @TempDir
    Path temp;

    @RegisterExtension
    final DaemonProcesses daemons = new DaemonProcesses();

    private DaemonProcess daemon;
    private int next;

    @Test
    void everyLineOnceAcrossRenameAndCopyTruncate() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        Path log = temp.resolve("trail.jsonl");
        Path config = fixture.config("  - type: file\n    path: " + log + "\n    rotationGrace: 300ms\n", null);
        daemon = daemons.start(config, temp.resolve("daemon.log"));
        daemon.awaitReady(fixture.metricsPort, Duration.ofSeconds(60));
        List<String> expected = new ArrayList<>();

        append(log, expected);
        Files.move(log, log.resolveSibling("trail.jsonl.1"));
        append(log, expected);
        Thread.sleep(1000);
        Files.copy(log, log.resolveSibling("trail.jsonl.2"));
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        append(log, expected);

        daemon.await(Duration.ofSeconds(60), expected.size() + " alerts", () -> fixture.alertedEventIds().size() >= expected.size());
        assertEquals(0, daemon.terminate(Duration.ofSeconds(30)), daemon.log());
        // Sorted: the engine orders events of the same second by eventId, not by line.
        assertEquals(expected.stream().sorted().toList(), fixture.alertedEventIds().stream().sorted().toList(),
                "every line exactly once");
    }

    /** Appends a generation of lines, a few at a time, as a logger would. */
    private void append(Path log, List<String> expected) throws IOException, InterruptedException {
        for (int i = 0; i < LINES_PER_GENERATION; i++) {
            String id = "line-" + next++;
            Files.writeString(log, DaemonFixture.record(id, "StopLogging") + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            expected.add(id);
            Thread.sleep(20);
        }
    }
}

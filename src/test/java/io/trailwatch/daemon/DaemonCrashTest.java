package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at random points while delivery files keep arriving and a JSON-lines file keeps growing, then
 * restart, several times: every alert arrives exactly once and no event is skipped.
 */
class DaemonCrashTest {

    private static final int RESTARTS = 4;

    @TempDir
    Path temp;

    @RegisterExtension
    final DaemonProcesses daemons = new DaemonProcesses();

    private DaemonProcess daemon;

    @Test
    void sigkillAndRestartDeliverEveryAlertExactlyOnce() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        Path tree = temp.resolve("cloudtrail");
        Path tailed = temp.resolve("trail.jsonl");
        Path config = fixture.config("  - type: directory\n    path: " + tree + "\n"
                + "  - type: file\n    path: " + tailed + "\n", null);
        Random random = new Random(42);
        List<String> expected = new ArrayList<>();
        int next = 0;
        for (int run = 0; run <= RESTARTS; run++) {
            daemon = daemons.start(config, temp.resolve("daemon-" + run + ".log"));
            long killAt = System.nanoTime() + Duration.ofMillis(1500 + random.nextInt(2500)).toNanos();
            while (System.nanoTime() < killAt) {
                String fileEvent = "dir-" + next;
                String lineEvent = "line-" + next++;
                DaemonFixture.dropIn(tree.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/" + fileEvent + ".json"),
                        DaemonFixture.deliveryFile(List.of(fileEvent)));
                Files.writeString(tailed, DaemonFixture.record(lineEvent, "StopLogging") + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                expected.add(fileEvent);
                expected.add(lineEvent);
                Thread.sleep(random.nextInt(150));
            }
            if (run < RESTARTS) {
                daemon.kill();
            }
        }
        daemon.await(Duration.ofSeconds(60), "all " + expected.size() + " alerts",
                () -> fixture.alertedEventIds().containsAll(expected),
                () -> "missing " + missing(expected, fixture.alertedEventIds()));
        assertEquals(0, daemon.terminate(Duration.ofSeconds(30)), daemon.log());
        List<String> delivered = fixture.alertedEventIds();
        assertEquals(expected.stream().sorted().toList(), delivered.stream().sorted().toList(),
                "each expected alert exactly once");
    }

    private static List<String> missing(List<String> expected, List<String> delivered) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(delivered);
        return missing;
    }
}

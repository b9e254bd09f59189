package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no input after an event, event time still advances to wall clock − lateness, so timers fire; but
 * not before a backlog found at start has been read, or the backlog would all be late.
 */
class DaemonIdleClockTest {

    @TempDir
    Path temp;

    @RegisterExtension
    final DaemonProcesses daemons = new DaemonProcesses();

    private DaemonProcess daemon;

    @Test
    void aBacklogOfDeliveryFilesFoundAtStartIsReadBeforeTheClockJumpsToNow() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        Path tree = temp.resolve("cloudtrail");
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        for (int file = 0; file < 3; file++) {
            String record = DaemonFixture.record("old-" + file, "StopLogging", hourAgo.plusSeconds(60L * file));
            DaemonFixture.dropIn(tree.resolve("old-" + file + ".json"), "{\"Records\":[" + record + "]}");
        }
        Path config = fixture.config("  - type: directory\n    path: " + tree + "\n", null);
        daemon = daemons.start(config, temp.resolve("daemon.log"));
        daemon.awaitReady(fixture.metricsPort, Duration.ofSeconds(60));

        assertEquals(List.of("old-0", "old-1", "old-2"), fixture.alertedEventIds());
        assertTrue(daemon.metrics(fixture.metricsPort).contains("trailwatch_late_events_total 0.0"),
                "the backlog was read in event-time order, not after the clock jumped to now");
        assertEquals(0, daemon.terminate(Duration.ofSeconds(30)), daemon.log());
    }

    /**
     * The daemon is up and idle, its clock at now; then a day-old history is synced in (the bundled
     * create-use-delete recording, records unsorted inside its files). Every event is late, yet the
     * sequence is found: late events reach the rules sorted, files in delivery-time order.
     */
    @Test
    void aHistorySyncedInAfterTheClockMovedOnStillRaisesItsSequences() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        Files.delete(fixture.rules.resolve("stop-logging.epl"));
        Files.copy(Path.of("epl/iam/iam-user-create-use-delete.epl"), fixture.rules.resolve("iam-user-create-use-delete.epl"));
        Path tree = Files.createDirectories(temp.resolve("cloudtrail"));
        Path config = fixture.config("  - type: directory\n    path: " + tree + "\n", null);
        daemon = daemons.start(config, temp.resolve("daemon.log"));
        daemon.awaitReady(fixture.metricsPort, Duration.ofSeconds(60));

        Path recording = Path.of("testdata/recordings/iam-create-use-delete");
        try (var files = Files.walk(recording.resolve("AWSLogs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = tree.resolve(recording.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Path part = target.resolveSibling("." + target.getFileName() + ".part");
                Files.copy(file, part);
                Files.move(part, target);
            }
        }

        daemon.await(Duration.ofSeconds(20), "the create-use-delete alert", () -> !fixture.alertedEventIds().isEmpty());
        assertEquals(List.of("3346344c-5a3e-429e-8405-420f98f75d6e"), fixture.alertedEventIds(), "one alert, led by the CreateUser");
        assertTrue(daemon.metrics(fixture.metricsPort).contains("trailwatch_late_events_total 7.0"), "all seven were late");
        assertEquals(0, daemon.terminate(Duration.ofSeconds(30)), daemon.log());
    }

    @Test
    void aTimerFiresWhileStdinIsIdle() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        Files.delete(fixture.rules.resolve("stop-logging.epl"));
        DaemonFixture.copyRule("stop-logging-delayed.epl", fixture.rules);
        Path config = fixture.config("  - type: stdin\n", null);
        Files.writeString(config, Files.readString(config).replace("lateness: 0s", "lateness: 1s"));
        daemon = daemons.start(config, temp.resolve("daemon.log"));
        daemon.awaitReady(fixture.metricsPort, Duration.ofSeconds(60));

        daemon.sendToStdin(DaemonFixture.record("quiet-1", "StopLogging") + "\n");

        daemon.await(Duration.ofSeconds(15), "the delayed alert with no further input",
                () -> !fixture.alertedEventIds().isEmpty());
        assertEquals(0, daemon.terminate(Duration.ofSeconds(30)), daemon.log());
        assertEquals(List.of("quiet-1"), fixture.alertedEventIds());
    }
}

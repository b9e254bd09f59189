package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One daemon life: delivery files picked up within 2 s, health and metrics served, a broken rule rejected
 * while the old rules keep running, SIGTERM exits 0 with checkpoints, and the next start resumes without
 * repeating an alert.
 */
class DaemonLifecycleTest {

    private static final Duration ALERT_DEADLINE = Duration.ofSeconds(2);
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension
    final DaemonProcesses daemons = new DaemonProcesses();

    private DaemonProcess daemon;
    private int fixturePort;

    @Test
    void deliversWithinTwoSecondsRejectsBrokenRulesAndResumesAfterSigterm() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        fixturePort = fixture.metricsPort;
        Path tree = temp.resolve("cloudtrail");
        Path day = tree.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/23");
        Path config = fixture.config("  - type: directory\n    path: " + tree + "\n", null);
        daemon = daemons.start(config, temp.resolve("daemon.log"));
        daemon.await(START_DEADLINE, "/ready", () -> status("/ready") == 200);
        assertEquals(200, status("/health"));

        List<String> expected = new ArrayList<>();
        for (int file = 0; file < 3; file++) {
            List<String> ids = List.of("ev-" + file + "-a", "ev-" + file + "-b");
            expected.addAll(ids);
            DaemonFixture.dropIn(day.resolve("f" + file + ".json"), DaemonFixture.deliveryFile(ids));
            int want = expected.size();
            daemon.await(ALERT_DEADLINE, "alerts of delivery file " + file, () -> fixture.alertedEventIds().size() >= want);
        }
        assertEquals(expected, fixture.alertedEventIds());
        String metrics = body("/metrics");
        assertTrue(metrics.contains("trailwatch_events_in_total 6.0"), metrics);
        assertTrue(metrics.contains("trailwatch_alerts_total{rule=\"stop-logging\",suppressed=\"false\"} 6.0"), metrics);
        assertTrue(metrics.contains("trailwatch_sink_queue_depth{"), metrics);

        Files.writeString(fixture.rules.resolve("broken.epl"), "@Name('broken')\nselect nosuchfield from CloudTrail;\n");
        daemon.await(Duration.ofSeconds(30), "the broken rule's error in the log",
                () -> daemon.log().contains("Rule reload rejected, the running rules stay: " + fixture.rules.resolve("broken.epl") + ":2: "));
        assertTrue(body("/metrics").contains("trailwatch_rule_reloads_total{result=\"rejected\"} 1.0"));
        DaemonFixture.dropIn(day.resolve("f3.json"), DaemonFixture.deliveryFile(List.of("ev-3-a")));
        expected.add("ev-3-a");
        daemon.await(ALERT_DEADLINE, "an alert from the old rules after the broken reload",
                () -> fixture.alertedEventIds().size() >= 7);

        assertEquals(0, daemon.terminate(Duration.ofSeconds(30)), daemon.log());
        assertTrue(Files.exists(fixture.state.resolve("checkpoints.json")));
        assertTrue(daemon.log().contains("positions committed"), daemon.log());

        Files.delete(fixture.rules.resolve("broken.epl"));
        DaemonFixture.dropIn(day.resolve("f4.json"), DaemonFixture.deliveryFile(List.of("ev-4-a")));
        expected.add("ev-4-a");
        daemon = daemons.start(config, temp.resolve("daemon2.log"));
        daemon.await(START_DEADLINE, "the alert of the file that landed while stopped",
                () -> fixture.alertedEventIds().size() >= 8);
        daemon.await(START_DEADLINE, "/ready after restart", () -> status("/ready") == 200);
        assertEquals(0, daemon.terminate(Duration.ofSeconds(30)), daemon.log());
        assertEquals(expected, fixture.alertedEventIds(), "every alert exactly once across the restart");
    }

    private int status(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String body(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort() + path))
                .timeout(Duration.ofSeconds(5)).build();
    }

    private int metricsPort() {
        return fixturePort;
    }
}

package io.trailwatch.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Files an integration test needs: a one-event rule, CloudTrail records as JSON text, a config, the alert file. */
final class DaemonFixture {


    private static final ObjectMapper JSON = new ObjectMapper();

    final Path root;
    final Path rules;
    final Path state;
    final Path alerts;
    final int metricsPort;

    DaemonFixture(Path root) throws IOException {
        this.root = root;
        this.rules = Files.createDirectories(root.resolve("rules"));
        this.state = root.resolve("state");
        this.alerts = root.resolve("alerts.jsonl");
        this.metricsPort = DaemonProcess.freePort();
        copyRule("stop-logging.epl", rules);
    }

    /** One CloudTrail record as a JSON object, timed now so the daemon's idle clock agrees with it. */
    static String record(String eventId, String eventName) {
        return record(eventId, eventName, Instant.now());
    }

    /** One CloudTrail record as a JSON object at {@code time}. */
    static String record(String eventId, String eventName, Instant time) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/alice\","
                + "\"accountId\":\"111122223333\",\"userName\":\"alice\"},\"eventTime\":\"" + time.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"" + eventName
                + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.9\",\"eventID\":\"" + eventId
                + "\",\"recipientAccountId\":\"111122223333\"}";
    }

    /** A delivery file body: {@code {"Records":[...]}}. */
    static String deliveryFile(List<String> eventIds) {
        return "{\"Records\":[" + String.join(",", eventIds.stream().map(id -> record(id, "StopLogging")).toList()) + "]}";
    }

    /**
     * A config with small intervals so tests are fast.
     *
     * @param sources the YAML list items under {@code sources:}, each starting with {@code - type:}
     * @param sinks   the YAML list items under {@code sinks:}; null for a JSON-lines file sink on {@link #alerts}
     */
    Path config(String sources, String sinks) throws IOException {
        String sinkYaml = sinks != null ? sinks : "  - type: file\n    format: json\n    path: " + alerts + "\n";
        String yaml = "sources:\n" + sources + "rules: " + rules + "\nstateDir: " + state + "\n"
                + "lateness: 0s\npollInterval: 100ms\ncommitInterval: 200ms\nrulesPollInterval: 200ms\n"
                + "shutdownTimeout: 20s\nmetrics:\n  port: " + metricsPort + "\nsinks:\n" + sinkYaml;
        Path file = root.resolve("trailwatch.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /**
     * The evidence event id of each alert in the alert file, in order, duplicates kept. The test rules alert once
     * per event, so this is one-to-one with alertId and reads better in a failure.
     */
    List<String> alertedEventIds() {
        return alertedEventIds(alerts);
    }

    static List<String> alertedEventIds(Path file) {
        List<String> ids = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                return ids;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    ids.add(summaryEventId(JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** The alert's first evidence event id. */
    static String summaryEventId(JsonNode alert) {
        return alert.path("eventIds").path(0).asText();
    }

    /** Writes {@code content} beside {@code target} and renames it in, as download tools do. */
    static void dropIn(Path target, String content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".part");
        Files.writeString(temp, content);
        Files.move(temp, target);
    }

    /** Copies a test rule from src/test/resources/daemon-rules into a rules directory. */
    static void copyRule(String file, Path rulesDir) throws IOException {
        Files.copy(Path.of("src/test/resources/daemon-rules", file), rulesDir.resolve(file),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

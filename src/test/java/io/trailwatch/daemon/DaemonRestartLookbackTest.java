package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart re-reads as far back as the base modules the rules use keep state, not only as far as the rules' own
 * windows: bulk-destruction waits 5 minutes, but the origin module it uses keeps role session keys 12 hours, so a
 * session a user opened two hours before the restart still makes the burst after it that user's.
 */
class DaemonRestartLookbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "111122223333";
    private static final String USER_ARN = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/ops";
    private static final String USER_KEY = "AKIAQ7ALICE2024EXAMP";
    private static final String SESSION_KEY = "ASIAQ7OPSSESSION0001";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @RegisterExtension
    final DaemonProcesses daemons = new DaemonProcesses();

    @Test
    void aBurstAfterARestartCountsUnderTheUserWhoOpenedTheRoleSessionBeforeIt() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        Files.copy(Path.of("epl/shared/origin-actor.epl"), fixture.rules.resolve("origin-actor.epl"));
        Files.copy(Path.of("epl/destruction/bulk-destruction.epl"), fixture.rules.resolve("bulk-destruction.epl"));
        Path trail = temp.resolve("trail.jsonl");
        Path config = fixture.config("  - type: file\n    path: " + trail + "\n", null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant filler = now.minus(Duration.ofHours(1));
        append(trail, List.of(assumeRole(now.minus(Duration.ofHours(2))), call("filler", user(), "DescribeInstances", filler)));

        DaemonProcess first = daemons.start(config, temp.resolve("daemon-1.log"));
        // Idle input lets event time reach the wall clock: the restart then goes back from now, not from an hour ago.
        first.await(DEADLINE, "both records read and event time at the wall clock, committed",
                () -> committedWatermark(fixture) >= now.toEpochMilli());
        assertEquals(0, first.terminate(Duration.ofSeconds(30)), first.log());

        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(call("by-user-" + i, user(), "DeleteSnapshot", now.minusSeconds(60 - i * 8)));
            burst.add(call("by-session-" + i, session(), "DeleteSnapshot", now.minusSeconds(56 - i * 8)));
        }
        append(trail, burst);
        DaemonProcess second = daemons.start(config, temp.resolve("daemon-2.log"));
        second.await(DEADLINE, "the burst's alert", () -> !bulkDestructionAlerts(fixture).isEmpty(),
                () -> "no bulk-destruction alert: 6 deletions as the user and 6 in its role session were counted apart, "
                        + "so the restart did not re-read the AssumeRole two hours back; log:\n" + second.log());
        assertEquals(0, second.terminate(Duration.ofSeconds(30)), second.log());

        List<JsonNode> alerts = bulkDestructionAlerts(fixture);
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(USER_ARN, alerts.get(0).get("principal").asText());
        assertTrue(alerts.get(0).get("summary").asText().contains("directly and via role " + ROLE_ARN), alerts.toString());
    }

    private static long committedWatermark(DaemonFixture fixture) {
        try {
            Path file = fixture.state.resolve(Checkpointer.DOCUMENT + ".json");
            return Files.exists(file) ? JSON.readTree(file.toFile()).path("watermark").asLong(Long.MIN_VALUE) : Long.MIN_VALUE;
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    private static List<JsonNode> bulkDestructionAlerts(DaemonFixture fixture) {
        List<JsonNode> alerts = new ArrayList<>();
        try {
            if (Files.exists(fixture.alerts)) {
                for (String line : Files.readAllLines(fixture.alerts, StandardCharsets.UTF_8)) {
                    JsonNode alert = JSON.readTree(line);
                    if (alert.get("ruleId").asText().equals("bulk-destruction")) {
                        alerts.add(alert);
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return alerts;
    }

    private static void append(Path trail, List<String> records) throws IOException {
        Files.writeString(trail, String.join("\n", records) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String assumeRole(Instant time) {
        ObjectNode record = record("assume-role", user(), "sts.amazonaws.com", "AssumeRole", time);
        record.putObject("requestParameters").put("roleArn", ROLE_ARN).put("roleSessionName", "alice");
        record.putObject("responseElements").putObject("credentials").put("accessKeyId", SESSION_KEY);
        return record.toString();
    }

    private static String call(String eventId, ObjectNode identity, String eventName, Instant time) {
        ObjectNode record = record(eventId, identity, "ec2.amazonaws.com", eventName, time);
        record.putObject("requestParameters").put("snapshotId", "snap-" + eventId);
        return record.toString();
    }

    private static ObjectNode record(String eventId, ObjectNode identity, String source, String eventName, Instant time) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "1.09");
        record.set("userIdentity", identity);
        record.put("eventTime", time.toString());
        record.put("eventSource", source);
        record.put("eventName", eventName);
        record.put("awsRegion", "us-east-1");
        record.put("sourceIPAddress", "203.0.113.9");
        record.put("eventID", eventId);
        record.put("recipientAccountId", ACCOUNT);
        return record;
    }

    private static ObjectNode user() {
        return JSON.createObjectNode().put("type", "IAMUser").put("principalId", "AIDAQ7ALICE").put("arn", USER_ARN)
                .put("accountId", ACCOUNT).put("accessKeyId", USER_KEY).put("userName", "alice");
    }

    private static ObjectNode session() {
        ObjectNode id = JSON.createObjectNode().put("type", "AssumedRole").put("principalId", "AROAQ7OPS:alice")
                .put("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/ops/alice").put("accountId", ACCOUNT)
                .put("accessKeyId", SESSION_KEY);
        id.putObject("sessionContext").putObject("sessionIssuer").put("type", "Role").put("arn", ROLE_ARN)
                .put("accountId", ACCOUNT).put("userName", "ops");
        return id;
    }
}

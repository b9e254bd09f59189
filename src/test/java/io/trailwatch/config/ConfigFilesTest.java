package io.trailwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.alert.Severity;
import io.trailwatch.alert.SuppressionConfig;
import io.trailwatch.sink.SinkConfig;
import io.trailwatch.sink.file.FileSinkConfig;
import io.trailwatch.sink.stdout.StdoutSinkConfig;
import io.trailwatch.sink.webhook.WebhookSinkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    record SinksFile(List<SinkConfig> sinks) {}

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsSuppressionYaml() throws Exception {
        Path file = write("suppression.yaml", """
                maintenanceWindows:
                  - principal: "arn:aws:iam::*:role/terraform-*"
                    start: 2024-01-02T03:00:00Z
                    end: 2024-01-02T05:00:00+01:00
                    ticket: CHG-1
                allowlist:
                  - principal: arn:aws:iam::1:role/backup
                    reason: nightly backup
                    rules: [snapshot-delete]
                """);

        SuppressionConfig config = SuppressionConfig.load(file);

        assertEquals(Instant.parse("2024-01-02T04:00:00Z"), config.maintenanceWindows().get(0).end());
        assertEquals(List.of("snapshot-delete"), config.allowlist().get(0).rules());
        assertEquals(List.of(), config.maintenanceWindows().get(0).rules());
    }

    @Test
    void unknownKeyNamesFileLineKeyPathAndKnownKeys() throws Exception {
        Path file = write("suppression.yaml", """
                maintenanceWindows:
                  - principal: arn:aws:iam::1:role/x
                    strat: 2024-01-02T03:00:00Z
                """);

        ConfigException e = assertThrows(ConfigException.class, () -> SuppressionConfig.load(file));

        assertTrue(e.getMessage().startsWith(file + ":3: unknown key 'maintenanceWindows[0].strat' (known keys: "), e.getMessage());
        assertTrue(e.getMessage().contains("start"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void badTimestampNamesKeyPathAndExpectedForm() throws Exception {
        Path file = write("suppression.json", """
                {"maintenanceWindows": [
                  {"principal": "arn:aws:iam::1:role/x",
                   "start": "yesterday", "end": "2024-01-02T05:00:00Z"}]}
                """);

        ConfigException e = assertThrows(ConfigException.class, () -> SuppressionConfig.load(file));

        assertEquals(file + ":3: at 'maintenanceWindows[0].start': 'yesterday' is not an ISO-8601 timestamp "
                + "(use 2024-01-02T03:04:05Z)", e.getMessage());
    }

    @Test
    void missingRequiredKeyAndInvertedWindowAreNamed() throws Exception {
        Path noPrincipal = write("a.yml", "maintenanceWindows:\n  - start: 2024-01-02T03:00:00Z\n    end: 2024-01-02T04:00:00Z\n");
        Path inverted = write("b.yml", "maintenanceWindows:\n  - principal: p\n    start: 2024-01-02T03:00:00Z\n    end: 2024-01-02T02:00:00Z\n");

        String first = assertThrows(ConfigException.class, () -> SuppressionConfig.load(noPrincipal)).getMessage();
        String second = assertThrows(ConfigException.class, () -> SuppressionConfig.load(inverted)).getMessage();

        assertTrue(first.contains("at 'maintenanceWindows[0]': missing key 'principal'"), first);
        assertTrue(second.startsWith(inverted + ":4: at 'maintenanceWindows[0]': end 2024-01-02T02:00:00Z is not after"
                + " start 2024-01-02T03:00:00Z"), "points at the refused key's line: " + second);
    }

    @Test
    void missingFileIsOneLineNamingThePath() {
        Path missing = dir.resolve("nope.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> SuppressionConfig.load(missing));

        assertTrue(e.getMessage().startsWith(missing + ": configuration file not found"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void emptyFileAndSyntaxErrorsAreReported() throws Exception {
        Path empty = write("empty.yaml", "  \n");
        Path broken = write("broken.json", "{\"allowlist\": [}");

        assertTrue(assertThrows(ConfigException.class, () -> SuppressionConfig.load(empty)).getMessage()
                .contains("configuration file is empty"));
        assertTrue(assertThrows(ConfigException.class, () -> SuppressionConfig.load(broken)).getMessage()
                .startsWith(broken + ":1: syntax error"));
    }

    @Test
    void aSyntaxErrorInsideAListIsReportedWhereTheParserStoppedNotWhereTheEntryBegan() throws Exception {
        Path broken = write("list.json", "{\"allowlist\": [\n  {\n    \"principal\": \"arn:aws:iam::1:role/x\"\n"
                + "    \"reason\": \"missing comma above\"\n  }\n]}");

        String message = assertThrows(ConfigException.class, () -> SuppressionConfig.load(broken)).getMessage();

        assertTrue(message.startsWith(broken + ":4: syntax error: Unexpected character"), message);
    }

    @Test
    void readsPolymorphicSinkConfigs() throws Exception {
        Path file = write("sinks.conf", """
                sinks:
                  - type: stdout
                  - type: file
                    path: /tmp/alerts.jsonl
                    minSeverity: high
                  - type: webhook
                    url: https://hooks.example.com/x?token=abc
                    format: slack
                    batchSize: 5
                    backoffBase: 250ms
                    requestTimeout: PT3S
                """);

        List<SinkConfig> sinks = ConfigFiles.read(file, SinksFile.class).sinks();

        assertEquals("text", assertInstanceOf(StdoutSinkConfig.class, sinks.get(0)).format());
        FileSinkConfig fileSink = assertInstanceOf(FileSinkConfig.class, sinks.get(1));
        assertEquals(Severity.HIGH, fileSink.minSeverity());
        assertEquals("json", fileSink.format());
        WebhookSinkConfig webhook = assertInstanceOf(WebhookSinkConfig.class, sinks.get(2));
        assertEquals(5, webhook.batchSize());
        assertEquals(Duration.ofMillis(250), webhook.backoffBase());
        assertEquals(Duration.ofSeconds(3), webhook.requestTimeout());
        assertEquals("X-Trailwatch-Signature", webhook.signatureHeader());
    }

    @Test
    void sinkConfigErrorsNameTheKeyPath() throws Exception {
        Path unknownKey = write("a.yaml", "sinks:\n  - type: stdout\n  - type: webhook\n    url: https://h/x\n    retries: 3\n");
        Path unknownType = write("b.yaml", "sinks:\n  - type: kafka\n");
        Path badDuration = write("c.yaml", "sinks:\n  - type: webhook\n    url: https://h/x\n    backoffMax: soon\n");

        String key = assertThrows(ConfigException.class, () -> ConfigFiles.read(unknownKey, SinksFile.class)).getMessage();
        String type = assertThrows(ConfigException.class, () -> ConfigFiles.read(unknownType, SinksFile.class)).getMessage();
        String duration = assertThrows(ConfigException.class, () -> ConfigFiles.read(badDuration, SinksFile.class)).getMessage();

        assertTrue(key.startsWith(unknownKey + ":5: unknown key 'sinks[1].retries' (known keys: "), key);
        assertTrue(type.startsWith(unknownType + ":2: bad 'type' at 'sinks[0]': 'kafka' is not a known type (use one of: "), type);
        assertTrue(type.contains("webhook"), type);
        assertTrue(duration.contains(":4: at 'sinks[0].backoffMax': 'soon' is not a duration"), duration);
    }

    @Test
    void valuesOfTheWrongKindAreWordedForTheFileNotForJava() throws Exception {
        String base = "sinks:\n  - type: webhook\n    url: https://h/x\n";
        String number = message(write("n.yaml", base + "    batchSize: lots\n"));
        String severity = message(write("s.yaml", base + "    minSeverity: loud\n"));
        String list = message(write("l.yaml", "sinks: stdout\n"));
        String text = message(write("t.yaml", base + "    format: [json]\n"));
        String truncated = message(write("x.json", "{\"sinks\": [{\"type\": \"stdout\"}]"));

        assertTrue(number.endsWith(":4: at 'sinks[0].batchSize': 'lots' is not a whole number"), number);
        assertTrue(severity.endsWith(":4: at 'sinks[0].minSeverity': 'loud' is not one of: info, low, medium, high, critical"), severity);
        assertTrue(list.endsWith(":1: at 'sinks': expected a list"), list);
        assertTrue(text.endsWith(":4: at 'sinks[0].format': expected a single value (text)"), text);
        assertTrue(truncated.contains("(start marker at line 1, column 1)"), truncated);
        for (String m : List.of(number, severity, list, text, truncated)) {
            assertFalse(m.contains("java.") || m.contains("io.trailwatch") || m.contains("REDACTED"), m);
        }
    }

    private static String message(Path file) {
        return assertThrows(ConfigException.class, () -> ConfigFiles.read(file, SinksFile.class)).getMessage();
    }
}

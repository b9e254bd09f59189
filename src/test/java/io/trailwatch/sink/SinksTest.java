package io.trailwatch.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.alert.Severity;
import io.trailwatch.config.ConfigException;
import io.trailwatch.sink.file.FileSinkConfig;
import io.trailwatch.sink.stdout.StdoutSinkConfig;
import io.trailwatch.sink.webhook.WebhookSinkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinksTest {

    @TempDir
    Path state;

    @Test
    void buildsConfiguredSinksWithSeverityFilters() throws Exception {
        List<AlertSink> sinks = Sinks.create(List.of(
                new StdoutSinkConfig(null, "text"),
                new FileSinkConfig(Severity.HIGH, null, state.resolve("alerts.jsonl").toString()),
                WebhookSinkConfig.builder("http://127.0.0.1:1/hook?key=k").name("soc").build()), state);
        try {
            assertEquals("stdout", sinks.get(0).name());
            assertInstanceOf(FilteringSink.class, sinks.get(1));
            assertEquals("file:" + state.resolve("alerts.jsonl"), sinks.get(1).name());
            assertEquals("webhook:http://127.0.0.1:1/hook?<redacted>", sinks.get(2).name());
            assertTrue(Files.isDirectory(state.resolve("webhook/soc/rejected")));
        } finally {
            for (AlertSink sink : sinks) {
                sink.close();
            }
        }
    }

    @Test
    void twoWebhooksSharingASpoolAreRefused() {
        WebhookSinkConfig a = WebhookSinkConfig.builder("http://127.0.0.1:1/a").name("soc").build();
        WebhookSinkConfig b = WebhookSinkConfig.builder("http://127.0.0.1:1/b").name("soc").build();

        ConfigException e = assertThrows(ConfigException.class, () -> Sinks.create(List.of(a, b), state));

        assertTrue(e.getMessage().startsWith("sinks[1]: a second webhook named 'soc'"), e.getMessage());
    }

    @Test
    void aFileSinkThatCannotBeAppendedToIsAConfigurationError() {
        FileSinkConfig onADirectory = new FileSinkConfig(null, null, state.toString());

        ConfigException e = assertThrows(ConfigException.class,
                () -> Sinks.create(List.of(new StdoutSinkConfig(null, "text"), onADirectory), state));

        assertEquals("sinks[1]: cannot append to " + state + ": Is a directory (give the file sink a path the daemon's"
                + " user can write)", e.getMessage());
    }
}

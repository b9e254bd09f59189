package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.config.ConfigException;
import io.trailwatch.sink.stdout.StdoutSinkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonConfigTest {

    private static final String MINIMAL = """
            sources:
              - type: directory
                path: /data/cloudtrail
            rules: epl
            stateDir: /var/lib/trailwatch
            sinks:
              - type: stdout
            """;

    @TempDir
    Path temp;

    @Test
    void absentSettingsTakeTheDocumentedDefaults() throws Exception {
        DaemonConfig config = DaemonConfig.load(write("minimal.yaml", MINIMAL));

        assertEquals(Duration.ofMinutes(15), config.lateness());
        assertEquals(Duration.ofSeconds(1), config.pollInterval());
        assertEquals(1000, config.sinkQueue());
        assertEquals(Path.of("/var/lib/trailwatch/dead-letter.jsonl").toString(), config.deadLetter());
        assertEquals("127.0.0.1", config.metrics().host());
        assertEquals(MetricsConfig.DEFAULT_PORT, config.metrics().port());
        SourceConfig.Directory tree = assertInstanceOf(SourceConfig.Directory.class, config.sources().get(0));
        assertEquals(Duration.ofDays(1), tree.ignoreOlder());
        assertInstanceOf(StdoutSinkConfig.class, config.sinks().get(0));
    }

    @Test
    void theExampleConfigInTheRepositoryIsValid() throws Exception {
        DaemonConfig config = DaemonConfig.load(Path.of("config/trailwatch.example.yaml"));

        assertEquals(2, config.sources().size());
        assertEquals(3, config.sinks().size());
        assertEquals(1, config.suppression().allowlist().size());
    }

    @Test
    void aMisspeltKeyIsNamedWithItsLine() throws IOException {
        Path file = write("typo.yaml", MINIMAL + "latenes: 5m\n");

        ConfigException e = assertThrows(ConfigException.class, () -> DaemonConfig.load(file));

        assertEquals(file + ":8: unknown key 'latenes'", e.getMessage().substring(0, e.getMessage().indexOf(" (")));
    }

    @Test
    void aMisspeltKeyInsideATypedItemIsNamedNotReportedAsAMissingKey() throws IOException {
        Path file = write("typo-source.yaml", MINIMAL.replace("    path: /data/cloudtrail", "    pth: /data/cloudtrail"));

        ConfigException e = assertThrows(ConfigException.class, () -> DaemonConfig.load(file));

        assertEquals(file + ":3: unknown key 'sources[0].pth' (known keys: ignoreOlder, path, settle)", e.getMessage());
    }

    @Test
    void aValueOutOfRangeNamesTheValueTheLimitAndTheKey() throws IOException {
        Path file = write("range.yaml", MINIMAL + "pollInterval: 1ms\n");

        ConfigException e = assertThrows(ConfigException.class, () -> DaemonConfig.load(file));

        assertEquals(file + ":8: pollInterval PT0.001S is below the minimum PT0.01S (raise it)", e.getMessage());
    }

    @Test
    void durationsTakeTheSameUnitsAsTheCommandLineDaysIncluded() throws Exception {
        Path file = write("days.yaml", MINIMAL.replace("    path: /data/cloudtrail", "    path: /data/cloudtrail\n    ignoreOlder: 7d"));

        SourceConfig.Directory tree = assertInstanceOf(SourceConfig.Directory.class, DaemonConfig.load(file).sources().get(0));

        assertEquals(Duration.ofDays(7), tree.ignoreOlder());
    }

    @Test
    void aDeliveryTreesIgnoreOlderBelowAnHourIsRefusedWithTheLimitAndTheLine() throws IOException {
        Path file = write("ignore.yaml", MINIMAL.replace("    path: /data/cloudtrail", "    path: /data/cloudtrail\n    ignoreOlder: 10m"));

        ConfigException e = assertThrows(ConfigException.class, () -> DaemonConfig.load(file));

        assertTrue(e.getMessage().startsWith(file + ":4: at 'sources[0]': ignoreOlder PT10M is below the minimum PT1H (raise it"),
                e.getMessage());
    }

    @Test
    void aDeliveryTreesIgnoreOlderBeyondACenturyIsRefusedBeforeItCanStopTheDaemon() throws IOException {
        Path file = write("huge.yaml", MINIMAL.replace("    path: /data/cloudtrail", "    path: /data/cloudtrail\n    ignoreOlder: 9999999999999h"));

        ConfigException e = assertThrows(ConfigException.class, () -> DaemonConfig.load(file));

        assertTrue(e.getMessage().startsWith(file + ":4: at 'sources[0]': ignoreOlder PT9999999999999H is above the maximum"
                + " PT876000H (100 years; lower it"), e.getMessage());
    }

    @Test
    void aConfigWithoutSourcesSaysWhatIsMissing() throws IOException {
        Path file = write("nosources.yaml", MINIMAL.substring(MINIMAL.indexOf("rules:")));

        ConfigException e = assertThrows(ConfigException.class, () -> DaemonConfig.load(file));

        assertTrue(e.getMessage().contains("missing key 'sources' (at least one of type directory, file or stdin)"),
                e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}

package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.config.ConfigException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonStartTest {

    @TempDir
    Path temp;

    @Test
    void aMetricsPortAlreadyTakenIsAConfigurationErrorNamingTheKey() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DaemonFixture fixture = new DaemonFixture(temp);
            String yaml = Files.readString(fixture.config("  - type: stdin\n", null))
                    .replace("port: " + fixture.metricsPort, "port: " + taken.getLocalPort());
            assertTrue(yaml.contains("port: " + taken.getLocalPort()), "otherwise the daemon would start and run:\n" + yaml);
            Path config = Files.writeString(temp.resolve("taken.yaml"), yaml);
            Daemon daemon = new Daemon(DaemonConfig.load(config));

            ConfigException e = assertThrows(ConfigException.class, daemon::run);

            assertTrue(e.getMessage().startsWith("cannot serve metrics on "), e.getMessage());
            assertTrue(e.getMessage().contains("choose a free 'metrics.port'"), e.getMessage());
        }
    }

    @Test
    void aStateDirThatCannotBeCreatedFailsTheCheckNamingTheKey() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
        String yaml = Files.readString(fixture.config("  - type: stdin\n", null))
                .replace("stateDir: " + fixture.state, "stateDir: " + file.resolve("state"));
        assertTrue(yaml.contains("stateDir: " + file.resolve("state")), yaml);
        DaemonConfig config = DaemonConfig.load(Files.writeString(temp.resolve("state.yaml"), yaml));

        ConfigException e = assertThrows(ConfigException.class, () -> Daemon.check(config));

        assertTrue(e.getMessage().startsWith("stateDir " + file.resolve("state") + ": cannot create it ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("give it a directory its user can write"), e.getMessage());
    }

    @Test
    void aDeadLetterPathThatCannotBeAppendedToFailsTheCheckNamingTheKey() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        String yaml = Files.readString(fixture.config("  - type: stdin\n", null)) + "deadLetter: " + temp + "\n";
        DaemonConfig config = DaemonConfig.load(Files.writeString(temp.resolve("dead-letter.yaml"), yaml));

        ConfigException e = assertThrows(ConfigException.class, () -> Daemon.check(config));

        assertEquals("deadLetter " + temp + ": cannot append to it (Is a directory); give a file the daemon's user"
                + " can write", e.getMessage());
    }
}

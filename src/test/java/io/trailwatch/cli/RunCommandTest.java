package io.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --check}: what an operator's ExecStartPre relies on to refuse a start that would fail. */
class RunCommandTest {

    @TempDir
    Path dir;

    private Path config(String alertPath) throws IOException {
        return config(alertPath, "epl");
    }

    private Path config(String alertPath, String rules) throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        return Files.writeString(dir.resolve("trailwatch.yaml"), "sources:\n  - type: directory\n    path: " + input
                + "\nrules: " + rules + "\nstateDir: " + dir.resolve("state") + "\nsinks:\n  - type: file\n    format: json\n"
                + "    path: " + alertPath + "\n");
    }

    @Test
    void aWorkableConfigurationChecksOk() throws IOException {
        Path config = config(dir.resolve("alerts/alerts.jsonl").toString());

        CliRun run = CliRun.of("run", "--check", "--config", config.toString());

        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().startsWith(config + ": OK (1 source(s), "), run.out());
    }

    @Test
    void aDirectoryGivenAsTheConfigIsOneLineWithTheFix() {
        CliRun run = CliRun.of("run", "--check", "--config", dir.toString());

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals("trailwatch run: " + dir + ": cannot read configuration file: Is a directory (give the path of a"
                + " YAML or JSON file)", run.err().strip());
    }

    @Test
    void anAlertFileTheDaemonCannotAppendToFailsTheCheckNamingTheConfigFile() throws IOException {
        Path config = config(dir.toString());

        CliRun run = CliRun.of("run", "--check", "--config", config.toString());

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals("trailwatch run: " + config + ": sinks[0]: cannot append to " + dir + ": Is a directory (give the"
                + " file sink a path the daemon's user can write)", run.err().strip());
    }

    @Test
    void aRulesDirectoryThatIsNotThereNamesTheConfigFileAndKey() throws IOException {
        Path config = config(dir.resolve("alerts.jsonl").toString(), "/opt/nowhere/epl");

        CliRun run = CliRun.of("run", "--check", "--config", config.toString());

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals("trailwatch run: " + config + ": rules /opt/nowhere/epl: no such directory (set 'rules' to the"
                + " directory of your .epl rule modules, e.g. the epl/ directory of this installation)", run.err().strip());
    }

    @Test
    void theReadmesTryItConfigurationChecksOkFromTheRepository() {
        CliRun run = CliRun.of("run", "--check", "--config", "config/trailwatch.local.yaml");

        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().startsWith("config/trailwatch.local.yaml: OK (1 source(s), "), run.out());
    }

    @Test
    void aSourceThatIsNotThereYetPassesTheCheckWithANote() throws IOException {
        Path config = config(dir.resolve("alerts.jsonl").toString());
        Files.delete(dir.resolve("in"));

        CliRun run = CliRun.of("run", "--check", "--config", config.toString());

        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals("trailwatch run: note: source " + dir.resolve("in") + " does not exist yet; the daemon will wait for it"
                + " to appear (check the path if it should be there)", run.err().strip());
    }
}

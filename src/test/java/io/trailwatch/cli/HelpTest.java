package io.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelpTest {

    @Test
    void everyCommandPrintsItsOwnHelpAndExitsZeroEvenWithoutItsRequiredOptions() {
        for (Command command : Commands.all()) {
            CliRun help = CliRun.of(command.name(), "--help");
            String shown = help.out() + help.err();
            assertEquals(0, help.exit(), command.name() + ": " + shown);
            assertTrue(shown.contains("usage: trailwatch " + command.name()), command.name() + ": " + shown);
        }
    }

    @Test
    void runWithoutAConfigSaysWhichOptionIsMissing() {
        CliRun run = CliRun.of("run");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--config FILE is required"), run.err());
    }

    @Test
    void versionNamesTrailwatchEsperAndJava() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().matches("trailwatch \\S+ \\(Esper 9\\.\\S+, Java \\d+\\S*\\)\\R?"), version.out());
    }
}

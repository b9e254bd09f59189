package io.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
    void aStrayArgumentIsRefusedBeforeTheCommandDoesAnything() {
        for (Command command : Commands.all()) {
            if (command.maxArguments() == Integer.MAX_VALUE) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of(command.name()));
            for (int i = 0; i <= command.maxArguments(); i++) {
                args.add("arg" + i);
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertEquals(ExitCode.USAGE, run.exit(), command.name() + ": " + run.err());
            assertEquals("", run.out(), command.name());
            assertTrue(run.err().startsWith("trailwatch " + command.name() + ": unexpected argument 'arg"
                    + command.maxArguments() + "' (" + command.name() + " takes "), command.name() + ": " + run.err());
        }
    }

    @Test
    void theDaemonDoesNotStartPastAStrayArgument() {
        CliRun run = CliRun.of("run", "--config", "config/trailwatch.example.yaml", "extra");

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals("trailwatch run: unexpected argument 'extra' (run takes options only; see trailwatch run --help)",
                run.err().strip());
    }

    @Test
    void theOverviewListsEveryExitCode() {
        String overview = CliRun.of("--help").out();

        for (String code : List.of("0 done", "1 test/validate failures", "2 usage or config error", "3 internal error")) {
            assertTrue(overview.contains(code), code + " in " + overview);
        }
    }

    @Test
    void aRulesDirectoryGivenAsAnArgumentIsNamedAsTheArgumentNotAsAnOption() {
        CliRun run = CliRun.of("validate", "README.md");

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals("trailwatch validate: RULES_DIR: README.md is not a directory (point it at a folder of .epl files)",
                run.err().strip());
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

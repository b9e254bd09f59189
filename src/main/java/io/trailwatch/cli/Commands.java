package io.trailwatch.cli;

import java.util.List;

/** The subcommands, in the order {@code trailwatch --help} lists them. */
final class Commands {

    private Commands() {}

    static List<Command> all() {
        return List.of(new ReplayCommand(), new RunCommand(), new ValidateCommand(), new TestCommand(),
                new CoverageCommand(), new GenerateCommand(), new BenchCommand(), new FieldsCommand());
    }
}

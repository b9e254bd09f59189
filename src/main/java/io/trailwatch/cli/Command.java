package io.trailwatch.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One subcommand of {@code trailwatch}: its options, one-line summary and behaviour. */
interface Command {

    String name();

    /** One line for the command list in {@code trailwatch --help}. */
    String summary();

    /** Usage after the command name, e.g. {@code [options] PATH...}. */
    String usage();

    /** The command's own options; {@code --help} and {@code --verbose} are added by {@link Main}. */
    Options options();

    /**
     * How many arguments besides options the command takes (its {@link #usage} names them); {@link Main}
     * refuses more, so that a stray word is never silently ignored.
     */
    default int maxArguments() {
        return 0;
    }

    /**
     * Whether Trailwatch's INFO log lines are wanted by default. One-shot commands print a summary of
     * their own and log only warnings; the daemon logs what it does at start.
     */
    default boolean logsAtInfo() {
        return false;
    }

    /**
     * Runs the command.
     *
     * @return {@link ExitCode#OK}, {@link ExitCode#FAILURES} or {@link ExitCode#USAGE}
     * @throws UsageException for a user's mistake that should be reported as one line with exit 2
     */
    int run(CommandLine line, Terminal terminal) throws Exception;
}

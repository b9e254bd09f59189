package io.trailwatch.cli;

import io.trailwatch.config.FileProblems;
import io.trailwatch.engine.DetectionEngine;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * Entry point: {@code trailwatch COMMAND [options]}. Exit codes are those of {@link ExitCode}; an
 * unexpected internal error exits 3. Stack traces are printed only with {@code --verbose}.
 */
public final class Main {

    static final int INTERNAL_ERROR = 3;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    public static void main(String[] args) {
        Terminal terminal = Terminal.system();
        int code = new Main(Commands.all()).run(args, terminal);
        terminal.out().flush();
        System.exit(code);
    }

    /** Trailwatch's version (from the jar's manifest; {@code dev} when run from classes), Esper's and Java's. */
    static String version() {
        String own = Main.class.getPackage().getImplementationVersion();
        return "trailwatch " + (own == null ? "dev" : own) + " (Esper " + DetectionEngine.esperVersion() + ", Java "
                + Runtime.version() + ")";
    }

    int run(String[] args, Terminal terminal) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            boolean asked = args.length > 0;
            printOverview(asked ? terminal.out() : terminal.err());
            return asked ? ExitCode.OK : ExitCode.USAGE;
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            terminal.out().println(version());
            return ExitCode.OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            terminal.err().println("trailwatch: unknown command '" + args[0] + "' (commands: "
                    + String.join(", ", commands.keySet()) + "; see trailwatch --help)");
            return ExitCode.USAGE;
        }
        Options options = command.options();
        options.addOption(Option.builder("h").longOpt("help").desc("show this help and exit").build());
        options.addOption(Option.builder().longOpt("verbose").desc("log at DEBUG and print stack traces of errors").build());
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        boolean verbose = Arrays.asList(rest).contains("--verbose");
        if (verbose) {
            Logging.verbose();
        } else if (!command.logsAtInfo()) {
            Logging.quiet();
        }
        String prefix = "trailwatch " + command.name() + ": ";
        try {
            CommandLine line = new DefaultParser().parse(options, rest);
            if (line.hasOption("help")) {
                printHelp(command, options, terminal);
                return ExitCode.OK;
            }
            List<String> arguments = line.getArgList();
            if (arguments.size() > command.maxArguments()) {
                int max = command.maxArguments();
                throw new UsageException("unexpected argument '" + arguments.get(max) + "' (" + command.name() + " takes "
                        + (max == 0 ? "options only" : "at most " + max + " argument(s)") + "; see trailwatch "
                        + command.name() + " --help)");
            }
            return command.run(line, terminal);
        } catch (ParseException e) {
            terminal.err().println(prefix + e.getMessage() + " (see trailwatch " + command.name() + " --help)");
            return ExitCode.USAGE;
        } catch (UsageException e) {
            terminal.err().println(e.getMessage().lines().map(l -> l.startsWith(prefix) ? l : prefix + l)
                    .reduce((a, b) -> a + System.lineSeparator() + b).orElse(prefix));
            traceIfVerbose(e, verbose, terminal);
            return ExitCode.USAGE;
        } catch (FileSystemException | FileNotFoundException e) {
            // a missing file, a directory where a file belongs, no permission: NIO names the file apart from
            // the reason, java.io words both as "PATH (reason)"
            String what = e instanceof FileSystemException f ? f.getFile() + ": " + FileProblems.reason(f)
                    : "cannot open " + e.getMessage();
            terminal.err().println(prefix + what + " (check the path)");
            traceIfVerbose(e, verbose, terminal);
            return ExitCode.USAGE;
        } catch (OutOfMemoryError e) {
            terminal.err().println(prefix + OutOfMemoryAdvice.general(Runtime.getRuntime().maxMemory()));
            return ExitCode.USAGE;
        } catch (Exception e) {
            terminal.err().println(prefix + "internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            traceIfVerbose(e, verbose, terminal);
            return INTERNAL_ERROR;
        }
    }

    private static void traceIfVerbose(Exception e, boolean verbose, Terminal terminal) {
        if (verbose) {
            e.printStackTrace(terminal.err());
        }
    }

    private void printOverview(PrintStream stream) {
        PrintWriter w = new PrintWriter(stream, true);
        w.println("usage: trailwatch COMMAND [options]   (trailwatch COMMAND --help for its options)");
        w.println();
        w.println("Finds attacks in AWS CloudTrail logs with Esper EPL rules, on event time.");
        w.println();
        w.println("commands:");
        commands.values().forEach(c -> w.printf("  %-10s %s%n", c.name(), c.summary()));
        w.println();
        w.println("exit codes: 0 done (alerts found included), 1 test/validate failures (or replay --strict met bad");
        w.println("input), 2 usage or config error, 3 internal error");
        w.println("trailwatch --version prints the version of Trailwatch, Esper and Java");
    }

    private static void printHelp(Command command, Options options, Terminal terminal) {
        PrintWriter w = new PrintWriter(terminal.out(), true);
        HelpFormatter help = new HelpFormatter();
        help.setWidth(100);
        help.printHelp(w, 100, "trailwatch " + command.name() + " " + command.usage(), command.summary(), options,
                2, 2, null, false);
    }
}

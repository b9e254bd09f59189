package io.trailwatch.cli;

import io.trailwatch.config.ConfigException;
import io.trailwatch.daemon.Daemon;
import io.trailwatch.daemon.DaemonConfig;
import io.trailwatch.daemon.SourceConfig;
import io.trailwatch.engine.RuleLoadException;
import io.trailwatch.engine.RulePack;
import io.trailwatch.engine.RuleProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import sun.misc.Signal;

/**
 * {@code trailwatch run --config FILE}: the daemon. SIGTERM and SIGINT stop it cleanly (stop reading,
 * drain, commit, exit 0); {@code --check} validates the configuration, rules and sinks and exits.
 */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run as a daemon: follow CloudTrail as it lands and deliver every alert (see docs/daemon.md)";
    }

    @Override
    public String usage() {
        return "--config FILE [--check]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("config").hasArg().argName("FILE")
                        .desc("daemon configuration (YAML or JSON), see config/trailwatch.example.yaml (required)").build())
                .addOption(Option.builder().longOpt("check")
                        .desc("validate the configuration, rules and sinks, then exit").build());
    }

    @Override
    public boolean logsAtInfo() {
        return true;
    }

    /** A source path that does not exist is valid (the daemon waits for it), but a typo should not pass unseen. */
    private static void notYetThere(DaemonConfig config, Terminal terminal) {
        for (SourceConfig source : config.sources()) {
            String path = source instanceof SourceConfig.Directory d ? d.path() : source instanceof SourceConfig.File f ? f.path() : null;
            if (path != null && !Files.exists(Path.of(path))) {
                terminal.err().println("trailwatch run: note: source " + path + " does not exist yet; the daemon will wait"
                        + " for it to appear (check the path if it should be there)");
            }
        }
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws Exception {
        if (!line.hasOption("config")) {
            throw new UsageException("--config FILE is required (start from config/trailwatch.example.yaml)");
        }
        Path file = Path.of(line.getOptionValue("config"));
        try {
            DaemonConfig config = DaemonConfig.load(file);
            if (line.hasOption("check")) {
                RulePack pack = Daemon.check(config);
                terminal.out().println(file + ": OK (" + config.sources().size() + " source(s), " + pack.rules().size()
                        + " rule(s), " + config.sinks().size() + " sink(s))");
                notYetThere(config, terminal);
                return ExitCode.OK;
            }
            Daemon daemon = new Daemon(config);
            // A shutdown hook cannot make SIGTERM exit 0 (the JVM exits 143); a signal handler lets run() return.
            Signal.handle(new Signal("TERM"), signal -> daemon.stop());
            Signal.handle(new Signal("INT"), signal -> daemon.stop());
            return daemon.run() ? ExitCode.OK : ExitCode.FAILURES;
        } catch (ConfigException e) {
            // what the loader reports names the file already; what building the sinks reports does not
            String message = e.getMessage();
            throw new UsageException(message.startsWith(file.toString()) ? message : file + ": " + message);
        } catch (RuleLoadException e) {
            throw new UsageException(e.problems().stream().map(RuleProblem::toString)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
    }
}

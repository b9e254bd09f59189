package io.trailwatch.cli;

import io.trailwatch.alert.AlertFormat;
import io.trailwatch.alert.SuppressionConfig;
import io.trailwatch.bench.CpuUse;
import io.trailwatch.bench.HeapWatch;
import io.trailwatch.config.ConfigException;
import io.trailwatch.engine.RulePack;
import io.trailwatch.pipeline.Replay;
import io.trailwatch.pipeline.ReplayOptions;
import io.trailwatch.pipeline.ReplayStats;
import io.trailwatch.sink.AlertSink;
import io.trailwatch.sink.file.JsonLinesFileSink;
import io.trailwatch.sink.stdout.ReaderGoneException;
import io.trailwatch.sink.stdout.StdoutSink;
import io.trailwatch.source.ReplayInput;
import io.trailwatch.source.ReplayInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code trailwatch replay}: recorded CloudTrail logs in, alerts out, deterministically. */
final class ReplayCommand implements Command {

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String summary() {
        return "replay recorded CloudTrail logs (files, directories or - for stdin) through the rules";
    }

    @Override
    public String usage() {
        return "[options] PATH...";
    }

    @Override
    public int maxArguments() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("rules").hasArg().argName("DIR")
                        .desc("EPL rule directory (default: ./epl, else the one beside the launcher)").build())
                .addOption(Option.builder("f").longOpt("format").hasArg().argName("FORMAT")
                        .desc("alert format: text (default), json (JSON lines) or ocsf").build())
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
                        .desc("write alerts to FILE instead of stdout").build())
                .addOption(Option.builder().longOpt("config").hasArg().argName("FILE")
                        .desc("suppression config (YAML or JSON): maintenance windows and allowlists").build())
                .addOption(Option.builder().longOpt("max-lateness").hasArg().argName("DURATION")
                        .desc("reorder buffer bound, e.g. 15m (default: unbounded, the whole input is ordered)").build())
                .addOption(Option.builder().longOpt("dead-letter").hasArg().argName("FILE")
                        .desc("where bad records go (default: beside --output, else ./trailwatch-dead-letter.jsonl)").build())
                .addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                        .desc("decode threads (default: number of cores); never changes the result").build())
                .addOption(Option.builder().longOpt("stats").hasArg().argName("FILE")
                        .desc("write the run's counters and heap use (after each GC) as JSON to FILE").build())
                .addOption(Option.builder().longOpt("strict").desc("exit 1 if any record was bad").build())
                .addOption(Option.builder("q").longOpt("quiet").desc("no end-of-run summary").build());
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws Exception {
        AlertFormat format = format(line.getOptionValue("format", "text"));
        SuppressionConfig suppression = suppression(line.getOptionValue("config"));
        Duration lateness = line.hasOption("max-lateness") ? Durations.parse("max-lateness", line.getOptionValue("max-lateness")) : null;
        int threads = threads(line.getOptionValue("threads"));
        Path output = line.hasOption("output") ? Path.of(line.getOptionValue("output")) : null;
        Path deadLetter = deadLetter(line.getOptionValue("dead-letter"), output);
        Path statsFile = line.hasOption("stats") ? Path.of(line.getOptionValue("stats")) : null;
        if (line.getArgList().isEmpty()) {
            throw new UsageException("no input (give files, directories or - for stdin)");
        }
        List<ReplayInput> inputs = ReplayInputs.expand(line.getArgList());
        if (inputs.isEmpty()) {
            terminal.err().println("trailwatch replay: no input file under " + String.join(", ", line.getArgList())
                    + " (hidden files and *.md/*.txt notes are skipped); nothing to replay");
        }
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--output", output);
        outputs.put("--dead-letter", deadLetter);
        outputs.put("--stats", statsFile);
        OutputClash.check(inputs, outputs);
        RulePack rules = RuleErrors.load(RulesLocation.resolve(line.getOptionValue("rules")));
        if (statsFile != null) {
            StatsFile.prepare(statsFile);
        }

        ReplayOptions options = new ReplayOptions(inputs, lateness, suppression, threads, deadLetter);
        try (AlertSink sink = sink(output, format, terminal);
             HeapWatch heap = statsFile == null ? null : new HeapWatch()) {
            Replay replay = new Replay(options, rules);
            ReplayStats stats;
            try (InterruptNotice notice = new InterruptNotice(terminal.err(), "trailwatch replay: interrupted before the"
                    + " end of the input; the alerts and dead letters written so far cover only part of it")) {
                stats = replay.run(List.of(sink), TerminalProgress.forTerminal(terminal));
            } catch (OutOfMemoryError e) {
                throw new UsageException(OutOfMemoryAdvice.replay(Runtime.getRuntime().maxMemory(),
                        replay.bufferedWhenOutOfMemory(), line.getOptionValue("max-lateness")));
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof ReaderGoneException) {
                    // `replay | head`: the reader has what it wanted; like other Unix tools, stop without a word
                    return ExitCode.OK;
                }
                // an alert or dead-letter output that cannot be written: going on would lose what follows
                throw new UsageException("stopped: " + e.getMessage());
            }
            if (statsFile != null) {
                CpuUse cpu = CpuUse.ofThisProcess();
                StatsFile.write(statsFile, stats, heap, cpu, HeapWatch.liveBytesAfterFullGc());
            }
            if (!line.hasOption("quiet")) {
                Summary.print(stats, deadLetter, terminal.err());
            }
            return line.hasOption("strict") && stats.badRecords() > 0 ? ExitCode.FAILURES : ExitCode.OK;
        }
    }

    /** Standard output, or the {@code --output} file opened now: a path that cannot be written fails before the run. */
    private static AlertSink sink(Path output, AlertFormat format, Terminal terminal) throws UsageException {
        if (output == null) {
            return new StdoutSink(format, terminal.out());
        }
        try {
            return new JsonLinesFileSink(output, format).openNow();
        } catch (IOException e) {
            throw new UsageException("--output: " + e.getMessage() + " (give a file in a directory you can write)");
        }
    }

    private static AlertFormat format(String name) throws UsageException {
        try {
            return AlertFormat.named(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
    }

    static SuppressionConfig suppression(String file) throws UsageException {
        if (file == null) {
            return SuppressionConfig.none();
        }
        try {
            return SuppressionConfig.load(Path.of(file));
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int threads(String value) throws UsageException {
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--threads: '" + value + "' is not a thread count (use 1 to 256)");
    }

    private static Path deadLetter(String option, Path output) {
        if (option != null) {
            return Path.of(option);
        }
        if (output != null) {
            return output.resolveSibling(output.getFileName() + ".dead-letter.jsonl");
        }
        return Path.of("trailwatch-dead-letter.jsonl");
    }
}

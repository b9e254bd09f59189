package io.trailwatch.cli;

import io.trailwatch.bench.BenchOptions;
import io.trailwatch.bench.BenchReport;
import io.trailwatch.bench.Benchmark;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code trailwatch bench}: the performance benchmark (floor, decode, engine, end-to-end replay, heap, state
 * per principal) on one generated data set; prints a table and writes {@code results.json}.
 */
final class BenchCommand implements Command {

    private static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure replay against the gunzip + token-scan floor, decode, engine and heap on generated data";
    }

    @Override
    public String usage() {
        return "[options]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("events").hasArg().argName("N")
                        .desc("records to generate when --dir holds no data set (default 1000000)").build())
                .addOption(Option.builder().longOpt("dir").hasArg().argName("DIR")
                        .desc("data set to reuse, generated there if absent (default target/bench/data-N)").build())
                .addOption(Option.builder().longOpt("repeat").hasArg().argName("R")
                        .desc("interleaved rounds; medians are reported (default 3)").build())
                .addOption(Option.builder().longOpt("rules").hasArg().argName("DIR")
                        .desc("EPL rule directory (default: ./epl)").build())
                .addOption(Option.builder().longOpt("xmx").hasArg().argName("SIZE")
                        .desc("heap of the replay child (default 512m)").build())
                .addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                        .desc("decode threads (default: number of cores)").build())
                .addOption(Option.builder().longOpt("engine-sample").hasArg().argName("N")
                        .desc("pre-decoded events for the engine-alone measure (default 200000)").build())
                .addOption(Option.builder().longOpt("principals").hasArg().argName("K")
                        .desc("active principals for the state-per-principal measure (default 10000)").build())
                .addOption(Option.builder().longOpt("launcher").hasArg().argName("FILE")
                        .desc("trailwatch launcher script the replay child runs (default: the one of this installation, else ./trailwatch)").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("results, alerts and logs (default target/bench)").build())
                .addOption(Option.builder().longOpt("heap-profile")
                        .desc("also print the replay heap after GC over the run, by tenth (flat-heap check)").build());
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws Exception {
        long events = GenerateCommand.longValue(line, "events", 1_000_000);
        Path out = Path.of(line.getOptionValue("out", "target/bench"));
        Path dir = Path.of(line.getOptionValue("dir", out.resolve("data-" + events).toString()));
        Path launcher = LauncherLocation.resolve(line.getOptionValue("launcher"));
        BenchOptions options;
        try {
            options = new BenchOptions(events, dir,
                    GenerateCommand.intValue(line, "repeat", 3),
                    RulesLocation.resolve(line.getOptionValue("rules")),
                    line.getOptionValue("xmx", "512m"),
                    GenerateCommand.intValue(line, "threads", DEFAULT_THREADS),
                    GenerateCommand.intValue(line, "engine-sample", 200_000),
                    GenerateCommand.intValue(line, "principals", 10_000),
                    launcher, out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        BenchReport report = new Benchmark(options, terminal.err()).run();
        report.printTable(terminal.out());
        if (line.hasOption("heap-profile")) {
            report.printHeapProfile(terminal.out());
        }
        Path results = out.resolve("results.json");
        report.writeJson(results);
        terminal.err().println("bench: results written to " + results);
        return ExitCode.OK;
    }
}

package io.trailwatch.cli;

import io.trailwatch.generate.GenerationReport;
import io.trailwatch.generate.Generator;
import io.trailwatch.generate.GeneratorOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code trailwatch generate}: a synthetic CloudTrail data set in S3 delivery layout, with injected attack
 * scenarios, benign look-alikes and a ground-truth file. The same options give the same bytes.
 */
final class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write a synthetic CloudTrail data set with injected attacks and a ground truth";
    }

    @Override
    public String usage() {
        return "--out DIR [options]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("output directory; must not already hold an AWSLogs tree (required)").build())
                .addOption(Option.builder().longOpt("events").hasArg().argName("N")
                        .desc("distinct events to generate, scenarios included (default 100000)").build())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                        .desc("random seed; the same seed gives the same bytes (default 1)").build())
                .addOption(Option.builder().longOpt("accounts").hasArg().argName("N")
                        .desc("AWS accounts, 1..1000 (default 20)").build())
                .addOption(Option.builder().longOpt("regions").hasArg().argName("N")
                        .desc("regions per account (default 4)").build())
                .addOption(Option.builder().longOpt("start").hasArg().argName("INSTANT")
                        .desc("time of the first event, ISO-8601 (default " + GeneratorOptions.DEFAULT_START + ")").build())
                .addOption(Option.builder().longOpt("late").hasArg().argName("FRACTION")
                        .desc("share of records delivered 5-15 minutes late, 0..0.5 (default 0.01)").build())
                .addOption(Option.builder().longOpt("duplicates").hasArg().argName("FRACTION")
                        .desc("share of records delivered twice, 0..0.5 (default 0.005)").build())
                .addOption(Option.builder().longOpt("no-scenarios")
                        .desc("background traffic only, no attacks or look-alikes").build());
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws Exception {
        if (!line.hasOption("out")) {
            throw new UsageException("--out DIR is required (an empty or new directory)");
        }
        GeneratorOptions defaults = GeneratorOptions.defaults(Path.of(line.getOptionValue("out")), 1, 1);
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(defaults.outDir(),
                    longValue(line, "events", 100_000),
                    longValue(line, "seed", 1),
                    intValue(line, "accounts", defaults.accounts()),
                    intValue(line, "regions", defaults.regions()),
                    defaults.principalsPerAccount(),
                    start(line.getOptionValue("start"), defaults.start()),
                    fraction(line, "late", defaults.lateFraction()),
                    fraction(line, "duplicates", defaults.duplicateFraction()),
                    !line.hasOption("no-scenarios"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        long begin = System.nanoTime();
        GenerationReport report;
        try {
            report = new Generator(options).run();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        terminal.err().printf("generated %,d records (%,d duplicates, %,d late) in %,d log files and %,d digest files,"
                        + " %d scenarios, under %s in %.1f s; ground truth: %s (replay with --config %s)%n",
                report.records(), report.duplicates(), report.late(), report.files(), report.digestFiles(),
                report.scenarios(), options.outDir(), (System.nanoTime() - begin) / 1e9, report.groundTruth(),
                report.suppression());
        return ExitCode.OK;
    }

    /** {@link #longValue}, refusing what does not fit an int rather than letting it wrap around. */
    static int intValue(CommandLine line, String option, int fallback) throws UsageException {
        long value = longValue(line, option, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new UsageException("--" + option + ": '" + line.getOptionValue(option) + "' is out of range (the largest is "
                    + Integer.MAX_VALUE + ")");
        }
        return (int) value;
    }

    static long longValue(CommandLine line, String option, long fallback) throws UsageException {
        String value = line.getOptionValue(option);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + ": '" + value + "' is not a whole number");
        }
    }

    private static double fraction(CommandLine line, String option, double fallback) throws UsageException {
        String value = line.getOptionValue(option);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + ": '" + value + "' is not a fraction (use e.g. 0.01)");
        }
    }

    private static Instant start(String value, Instant fallback) throws UsageException {
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--start: '" + value + "' is not an ISO-8601 instant (use e.g. 2024-08-01T00:00:00Z)");
        }
    }
}

package io.trailwatch.bench;

import io.trailwatch.engine.RulePack;
import io.trailwatch.generate.GenerationReport;
import io.trailwatch.generate.Generator;
import io.trailwatch.generate.GeneratorOptions;
import io.trailwatch.generate.GroundTruthScore;
import io.trailwatch.pipeline.DeliveryOrder;
import io.trailwatch.source.ReplayInput;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code trailwatch bench}: in one run, on the same files, measures R times each and interleaved (so that
 * noise from other processes hits every measure alike): the one-thread gunzip + token-scan floor, decoding
 * alone, the engine alone on pre-decoded events, end-to-end replay in a child process started through the
 * launcher, and the same child on one file (its fixed cost) twice: warm, as a repeated start (rules from the
 * compiled-rule cache, classes from the class-data archive), and cold (rules compiled, no archive); then the
 * engine state per active principal. Reports medians and the ratios that matter: replay / floor above all.
 */
public final class Benchmark {

    private static final Logger LOG = LogManager.getLogger(Benchmark.class);
    private static final long SEED = 1;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final BenchOptions options;
    private final PrintStream progress;

    /** @param progress receives one line per measurement, as it is taken */
    public Benchmark(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() throws Exception {
        // before minutes of measuring: an --out that cannot be created fails now
        Files.createDirectories(options.outDir());
        ensureDataSet();
        List<Path> files = logFiles(options.dataDir());
        if (files.isEmpty()) {
            throw new IllegalArgumentException(options.dataDir() + " holds no CloudTrail log files (*_CloudTrail_*):"
                    + " point --dir at a generated data set or at an empty directory to generate one");
        }
        RulePack rules = RulePack.load(options.rules());
        progress.printf("bench: %,d log files under %s; loading the engine sample (%,d events)%n", files.size(),
                options.dataDir(), options.engineSample());
        EngineOnly engine = EngineOnly.load(rules, files, options.engineSample());
        // one untimed pass: the engine measure is of compiled code, not of the JIT warming up
        engine.run();
        // a generated data set's maintenance windows: its approved teardowns are suppressed, as a user's would be
        Path suppression = options.dataDir().resolve(Generator.SUPPRESSION_FILE);
        if (!Files.isRegularFile(suppression)) {
            suppression = null;
        }
        ReplayChild replay = new ReplayChild(options.launcher(), options.xmx(), options.threads(), options.rules(),
                options.dataDir(), options.outDir(), suppression, Map.of());
        ReplayChild warmStart = new ReplayChild(options.launcher(), options.xmx(), options.threads(), options.rules(),
                files.get(0), options.outDir().resolve("startup-warm"), suppression, Map.of());
        ColdReplayChild coldStart = new ColdReplayChild(options.launcher(), options.xmx(), options.threads(),
                options.rules(), files.get(0), options.outDir().resolve("startup-cold"), suppression);
        progress.println("bench: warm-up, untimed: one-file replay through " + options.launcher()
                + " (builds the jar and class-data archive if needed, fills the rule cache)");
        warmStart.run();
        BenchReport report = new BenchReport(options, files.size(), replay.commandLine());
        for (int round = 1; round <= options.repeat(); round++) {
            long t = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long floorRecords = new TokenScanFloor().scan(files);
            report.floor(floorRecords, System.nanoTime() - t, THREADS.getCurrentThreadCpuTime() - cpu);
            cpu = THREADS.getCurrentThreadCpuTime();
            new GunzipAlone().inflate(files);
            report.gunzip(THREADS.getCurrentThreadCpuTime() - cpu);
            t = System.nanoTime();
            long decoded = new DecodeOnly(options.threads()).decode(files);
            report.decode(decoded, System.nanoTime() - t);
            report.engine(engine.run());
            report.replay(replay.run());
            report.warmStart(warmStart.run());
            report.coldStart(coldStart.run());
            progress.println("bench: round " + round + "/" + options.repeat() + ": " + report.lastRound());
        }
        Path groundTruth = options.dataDir().resolve(Generator.GROUND_TRUTH_FILE);
        if (Files.isRegularFile(groundTruth)) {
            report.groundTruth(GroundTruthScore.of(groundTruth, replay.alerts()));
        }
        progress.printf("bench: measuring engine state with %,d active principals%n", options.principals());
        report.bytesPerPrincipal(PrincipalState.bytesPerPrincipal(rules, options.principals()));
        return report;
    }

    private void ensureDataSet() throws IOException {
        if (Files.isDirectory(options.dataDir().resolve("AWSLogs"))) {
            return;
        }
        progress.printf("bench: generating %,d events (seed %d) into %s%n", options.events(), SEED, options.dataDir());
        GenerationReport generated = new Generator(GeneratorOptions.defaults(options.dataDir(), options.events(), SEED)).run();
        LOG.info("Generated {} records in {} files for the benchmark", generated.records(), generated.files());
    }

    /** The CloudTrail log files (digests and the ground truth left out), in delivery order. */
    static List<Path> logFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<ReplayInput> inputs = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().contains("_CloudTrail_"))
                    .sorted().map(p -> new ReplayInput(p, p.toString())).toList();
            return DeliveryOrder.sort(inputs).stream().map(ReplayInput::path).toList();
        }
    }
}

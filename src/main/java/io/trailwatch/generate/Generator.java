package io.trailwatch.generate;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Generates a synthetic CloudTrail data set in S3 delivery layout: background activity of a simulated organisation,
 * injected attack scenarios and benign look-alikes, hourly digests and a ground-truth file. The same options give
 * the same bytes. Memory stays bounded: events are produced in time order and only open 5-minute files, running
 * scenarios and one hour of digest entries are held.
 */
public final class Generator {

    /** The answer key beside {@code AWSLogs/}: every injected scenario, read by {@link GroundTruthScore}. */
    public static final String GROUND_TRUTH_FILE = "ground-truth.json";
    /**
     * The maintenance windows the look-alikes rely on, as a suppression config for {@code replay --config}. JSON,
     * not YAML: a replay of the whole data set then skips it as a file without CloudTrail records, where YAML would
     * be read as a bad record.
     */
    public static final String SUPPRESSION_FILE = "suppression.json";

    private static final Logger LOG = LogManager.getLogger(Generator.class);
    private static final long MIN_SPAN_MILLIS = 6 * 3_600_000L;
    private static final long EVENTS_PER_SECOND = 50;
    private final GeneratorOptions options;

    public Generator(GeneratorOptions options) {
        this.options = options;
    }

    /**
     * Writes the data set into {@link GeneratorOptions#outDir()}.
     *
     * @throws IOException              when a file cannot be written
     * @throws IllegalArgumentException when the output directory already holds an {@code AWSLogs} tree
     */
    public GenerationReport run() throws IOException {
        Path out = options.outDir();
        if (Files.exists(out.resolve("AWSLogs"))) {
            throw new IllegalArgumentException("output directory " + out + " already contains AWSLogs/: generated "
                    + "files would mix with old ones; choose an empty --out directory");
        }
        Files.createDirectories(out);
        SplittableRandom root = new SplittableRandom(options.seed());
        World world = World.build(options, root.split());
        long start = options.start().toEpochMilli();
        long span = Math.max(MIN_SPAN_MILLIS, options.events() * 1000L / EVENTS_PER_SECOND);
        SplittableRandom planRng = root.split();
        ScenarioPlan plan = options.scenarios()
                ? ScenarioPlan.build(world, options.events(), start, span, planRng) : ScenarioPlan.none();
        if (options.scenarios() && plan.planned().size() < ScenarioPlan.SCRIPTS.size()) {
            LOG.warn("events = {} leaves room for only {} of {} scenario variants (they may use a quarter of all "
                    + "events); use --events 10000 or more for every variant", options.events(), plan.planned().size(),
                    ScenarioPlan.SCRIPTS.size());
        }
        BackgroundTraffic background = new BackgroundTraffic(world, start, span,
                options.events() - plan.eventCount(), root.split());
        DigestWriter digests = new DigestWriter(out, world, start, root.split());
        DeliveryWriter delivery = new DeliveryWriter(out, world, options.lateFraction(), options.duplicateFraction(),
                root.split(), digests);
        GroundTruth truth = new GroundTruth();
        merge(world, plan.planned(), background, delivery, truth);
        delivery.finish();
        digests.finish();
        Path truthFile = out.resolve(GROUND_TRUTH_FILE);
        truth.write(truthFile, options);
        Path suppressionFile = out.resolve(SUPPRESSION_FILE);
        truth.writeSuppression(suppressionFile);
        GenerationReport report = new GenerationReport(delivery.records(), delivery.files(), digests.files(),
                delivery.duplicates(), delivery.late(), truth.size(), truthFile, suppressionFile);
        LOG.info("generated {} records in {} log files and {} digest files under {} ({} duplicates, {} late, "
                + "{} scenarios)", report.records(), report.files(), report.digestFiles(), out, report.duplicates(),
                report.late(), report.scenarios());
        return report;
    }

    /** Feeds background and scenario events to delivery in time order; a scenario expands when its start is due. */
    private static void merge(World world, List<ScenarioPlan.Planned> planned, BackgroundTraffic background,
                              DeliveryWriter delivery, GroundTruth truth) throws IOException {
        PriorityQueue<Queued> queue = new PriorityQueue<>(
                Comparator.comparingLong((Queued q) -> q.event().timeMillis()).thenComparingLong(Queued::order));
        long order = 0;
        int next = 0;
        while (true) {
            long nextStart = next < planned.size() ? planned.get(next).startMillis() : Long.MAX_VALUE;
            long nextQueued = queue.isEmpty() ? Long.MAX_VALUE : queue.peek().event().timeMillis();
            long nextBackground = background.hasNext() ? background.peekTime() : Long.MAX_VALUE;
            if (nextStart == Long.MAX_VALUE && nextQueued == Long.MAX_VALUE && nextBackground == Long.MAX_VALUE) {
                return;
            }
            if (nextStart <= nextQueued && nextStart <= nextBackground) {
                ScenarioPlan.Planned p = planned.get(next++);
                ScenarioContext ctx = p.play(world);
                truth.add(p, ctx);
                for (ApiEvent e : ctx.events()) {
                    queue.add(new Queued(e, order++));
                }
            } else if (nextQueued <= nextBackground) {
                delivery.accept(queue.poll().event());
            } else {
                delivery.accept(background.next());
            }
        }
    }

    private record Queued(ApiEvent event, long order) {
    }
}

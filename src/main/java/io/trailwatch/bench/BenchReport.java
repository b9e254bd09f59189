package io.trailwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trailwatch.generate.GroundTruthScore;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The benchmark's measurements, round by round, and what they add up to: medians of each rate, the ratio
 * of replay to the token-scan floor, the replay child's heap, the engine state per principal. Prints a
 * table and writes JSON.
 */
public final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BenchOptions options;
    private final int files;
    private final String replayCommand;
    private final List<Double> floor = new ArrayList<>();
    private final List<Double> decode = new ArrayList<>();
    private final List<Double> engine = new ArrayList<>();
    private final List<Double> replay = new ArrayList<>();
    private final List<Double> replayOverFloor = new ArrayList<>();
    private final List<Double> replayHeapMb = new ArrayList<>();
    private final List<Double> warmStartSeconds = new ArrayList<>();
    private final List<Double> coldStartSeconds = new ArrayList<>();
    private final List<Double> replaySeconds = new ArrayList<>();
    private final List<Double> replayPeakMb = new ArrayList<>();
    private final List<Double> floorCpuMicrosPerRecord = new ArrayList<>();
    private final List<Double> gunzipCpuMicrosPerRecord = new ArrayList<>();
    private final List<ReplayChild.Run> replays = new ArrayList<>();
    private long records;
    private long alerts;
    private GroundTruthScore groundTruth;
    private long late;
    private long engineEvents;
    private long bytesPerPrincipal;
    private JsonNode lastHeapSamples;

    BenchReport(BenchOptions options, int files, String replayCommand) {
        this.options = options;
        this.files = files;
        this.replayCommand = replayCommand;
    }

    /** @param cpuNanos CPU time of the scanning thread */
    void floor(long recordCount, long nanos, long cpuNanos) {
        records = recordCount;
        floor.add(perSecond(recordCount, nanos));
        floorCpuMicrosPerRecord.add(cpuNanos / 1e3 / recordCount);
    }

    /** @param cpuNanos CPU time of one thread inflating the same files as the floor, just measured */
    void gunzip(long cpuNanos) {
        gunzipCpuMicrosPerRecord.add(cpuNanos / 1e3 / records);
    }

    void decode(long events, long nanos) {
        decode.add(perSecond(events, nanos));
    }

    void engine(EngineOnly.Run run) {
        engineEvents = run.events();
        engine.add(perSecond(run.events(), run.nanos()));
    }

    void replay(ReplayChild.Run run) {
        double rate = perSecond(run.records(), run.nanos());
        replay.add(rate);
        replaySeconds.add(run.nanos() / 1e9);
        replays.add(run);
        replayOverFloor.add(rate / floor.get(floor.size() - 1));
        replayHeapMb.add(run.maxHeapAfterGcBytes() / 1048576.0);
        replayPeakMb.add(run.peakHeapUsedBytes() / 1048576.0);
        alerts = run.alerts();
        late = run.late();
        lastHeapSamples = run.heapSamples();
    }

    void warmStart(ReplayChild.Run run) {
        warmStartSeconds.add(run.nanos() / 1e9);
    }

    void coldStart(ReplayChild.Run run) {
        coldStartSeconds.add(run.nanos() / 1e9);
    }

    /**
     * Replay records/s once its fixed cost (the median warm one-file run) is taken off the median replay
     * time. The warm run, because the replay starts warm too: the rounds repeat it.
     */
    public double replayWithoutStartup() {
        double seconds = median(replaySeconds) - median(warmStartSeconds);
        return seconds <= 0 ? 0 : records / seconds;
    }

    void bytesPerPrincipal(long bytes) {
        bytesPerPrincipal = bytes;
    }

    /** The last replay's alerts against the data set's ground truth. */
    void groundTruth(GroundTruthScore score) {
        groundTruth = score;
    }

    /** The last round in one line, for progress. */
    String lastRound() {
        int i = floor.size() - 1;
        return String.format("floor %,.0f rec/s, decode %,.0f rec/s, engine %,.0f ev/s, replay %,.0f rec/s (%.2f× floor),"
                        + " fixed cost %.1f s warm, %.1f s cold", floor.get(i), decode.get(i), engine.get(i), replay.get(i),
                replayOverFloor.get(i), warmStartSeconds.get(i), coldStartSeconds.get(i));
    }

    /** Replay records/s over the floor records/s of the same round; the median over rounds. */
    public double replayOverFloor() {
        return median(replayOverFloor);
    }

    public void printTable(PrintStream out) {
        out.printf("%nTrailwatch benchmark: %,d records in %,d gzip files, %d rounds (medians), %d cores, %d decode threads%n",
                records, files, floor.size(), Runtime.getRuntime().availableProcessors(), options.threads());
        out.printf("  %-58s %,12.0f records/s%n", "floor: 1 thread gunzip + Jackson token scan", median(floor));
        out.printf("  %-58s %,12.0f records/s  (%.2f× floor)%n", "decode alone (real decoder, parallel)", median(decode),
                median(decode) / median(floor));
        out.printf("  %-58s %,12.0f events/s   (%,d-event sample, full pack)%n", "engine alone (pre-decoded, sorted)",
                median(engine), engineEvents);
        out.printf("  %-58s %,12.0f records/s  (%.2f× floor, median of per-round ratios)%n",
                "replay end to end (launcher, -Xmx" + options.xmx() + ")", median(replay), replayOverFloor());
        out.printf("  %-58s %,12.1f s  (1 file)%n", "replay fixed cost, warm (rules cached, class-data archive)",
                median(warmStartSeconds));
        out.printf("  %-58s %,12.1f s  (1 file)%n", "replay fixed cost, cold (rules compiled, no archive)",
                median(coldStartSeconds));
        out.printf("  %-58s %,12.0f records/s  (%.2f× floor; the warm fixed cost taken off)%n",
                "replay without its fixed cost", replayWithoutStartup(), replayWithoutStartup() / median(floor));
        double replayCpu = median(replayCpuMicros(CpuUse::processNanos));
        out.printf("  %-58s %,12.1f µs/record (floor %.1f µs; %.2f× its CPU, ≤ %.2f× needed for 1.3× on %d cores)%n",
                "replay CPU, whole process (JIT and GC included)", replayCpu, median(floorCpuMicrosPerRecord),
                replayCpu / median(floorCpuMicrosPerRecord), Runtime.getRuntime().availableProcessors() / 1.3,
                Runtime.getRuntime().availableProcessors());
        double budget = Runtime.getRuntime().availableProcessors() / 1.3 * median(floorCpuMicrosPerRecord);
        out.printf("  %-58s %,12.1f µs/record (of the %.1f µs the whole process may spend for 1.3×)%n",
                "gunzip alone, 1 thread (part of the floor)", median(gunzipCpuMicrosPerRecord), budget);
        out.printf("  %-58s %,12.1f µs/record (JIT threads %.1f, collector threads %.1f, feeding thread %.1f)%n",
                "  of which: decoding and other threads", median(replayCpuMicros(CpuUse::otherNanos)),
                median(replayCpuMicros(CpuUse::jitNanos)), median(replayCpuMicros(CpuUse::gcNanos)),
                median(replayCpuMicros(CpuUse::callerNanos)));
        out.printf("  %-58s %,12.0f MiB (peak in use incl. garbage %,.0f MiB)%n", "replay heap after GC, max",
                median(replayHeapMb), median(replayPeakMb));
        out.printf("  %-58s %,12d bytes (%,d principals)%n", "engine state per active principal", bytesPerPrincipal,
                options.principals());
        out.printf("  replay: %,d alerts, %,d late records%n", alerts, late);
        if (groundTruth != null) {
            out.printf("  ground truth: %s%n", groundTruth.summary());
            groundTruth.missed().forEach(s -> out.printf("    missed: %s%n", s));
            groundTruth.falsePositives().forEach(s -> out.printf("    look-alike alerted: %s%n", s));
            groundTruth.onBackground().forEach(s -> out.printf("    on background traffic: %s%n", s));
        }
    }

    /**
     * The last replay's heap over its run, by tenth of the run: the largest heap after any collection (an
     * upper bound: a young collection leaves old garbage in place), and the heap after each full collection
     * (the live heap; "-" for a tenth without one). A heap bounded by live state shows flat tenths.
     */
    public void printHeapProfile(PrintStream out) {
        if (lastHeapSamples == null || lastHeapSamples.isEmpty()) {
            out.println("  heap profile: the replay ran no garbage collection");
            return;
        }
        long first = lastHeapSamples.get(0).get(0).asLong();
        long last = lastHeapSamples.get(lastHeapSamples.size() - 1).get(0).asLong();
        long[] anyByTenth = new long[10];
        long[] fullByTenth = new long[10];
        int fullCollections = 0;
        for (JsonNode sample : lastHeapSamples) {
            int tenth = last == first ? 9 : (int) Math.min(9, (sample.get(0).asLong() - first) * 10 / (last - first));
            long used = sample.get(1).asLong();
            anyByTenth[tenth] = Math.max(anyByTenth[tenth], used);
            if (sample.path(2).asInt() == 1) {
                fullByTenth[tenth] = Math.max(fullByTenth[tenth], used);
                fullCollections++;
            }
        }
        out.printf("  heap after any GC by tenth of the last replay (%d collections), MiB: %s%n", lastHeapSamples.size(),
                tenths(anyByTenth));
        out.printf("  live heap after full GCs by tenth (%d full collections), MiB:        %s%n", fullCollections,
                tenths(fullByTenth));
    }

    private static String tenths(long[] bytes) {
        StringBuilder line = new StringBuilder();
        for (long b : bytes) {
            line.append(line.length() == 0 ? "" : " ").append(b == 0 ? "-" : String.format("%.0f", b / 1048576.0));
        }
        return line.toString();
    }

    public void writeJson(Path file) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                "loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.put("dataDir", options.dataDir().toString());
        out.put("records", records);
        out.put("files", files);
        out.put("rounds", floor.size());
        out.put("decodeThreads", options.threads());
        out.put("replayCommand", replayCommand);
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("floorRecordsPerSecond", floor);
        series.put("floorCpuMicrosPerRecord", floorCpuMicrosPerRecord);
        series.put("gunzipCpuMicrosPerRecord", gunzipCpuMicrosPerRecord);
        series.put("decodeRecordsPerSecond", decode);
        series.put("engineEventsPerSecond", engine);
        series.put("replayRecordsPerSecond", replay);
        series.put("replayOverFloor", replayOverFloor);
        series.put("replayCpuMicrosPerRecord", replayCpuMicros(CpuUse::processNanos));
        series.put("replayFeedThreadCpuMicrosPerRecord", replayCpuMicros(CpuUse::callerNanos));
        series.put("replayJitMicrosPerRecord", replayCpuMicros(CpuUse::jitNanos));
        series.put("replayGcMicrosPerRecord", replayCpuMicros(CpuUse::gcNanos));
        series.put("replayOtherCpuMicrosPerRecord", replayCpuMicros(CpuUse::otherNanos));
        series.put("replayFixedCostWarmSeconds", warmStartSeconds);
        series.put("replayFixedCostColdSeconds", coldStartSeconds);
        series.put("replayMaxHeapAfterGcMiB", replayHeapMb);
        series.put("replayPeakHeapUsedMiB", replayPeakMb);
        Map<String, Object> medians = new LinkedHashMap<>();
        series.forEach((name, values) -> medians.put(name, median(values)));
        medians.put("replayWithoutFixedCostRecordsPerSecond", replayWithoutStartup());
        out.put("median", medians);
        out.put("perRound", series);
        out.put("engineSampleEvents", engineEvents);
        out.put("bytesPerActivePrincipal", bytesPerPrincipal);
        out.put("activePrincipalsMeasured", options.principals());
        out.put("replayAlerts", alerts);
        out.put("replayLateRecords", late);
        if (groundTruth != null) {
            out.put("groundTruth", groundTruth);
        }
        out.put("lastReplayHeapSamples", lastHeapSamples);
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), out);
    }

    /** One part of each replay round's CPU, in microseconds per record. */
    private List<Double> replayCpuMicros(ToLongFunction<CpuUse> part) {
        return replays.stream().map(r -> part.applyAsLong(r.cpu()) / 1e3 / r.records()).toList();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double perSecond(long count, long nanos) {
        return nanos == 0 ? 0 : count / (nanos / 1e9);
    }
}

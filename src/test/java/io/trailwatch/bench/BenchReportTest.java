package io.trailwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.trailwatch.generate.GroundTruthScore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    /** One round: 1,000 records; floor 1 s, replay 3 s, fixed cost 1 s warm and 2.5 s cold. */
    private BenchReport oneRound() {
        BenchOptions options = new BenchOptions(1000, dir.resolve("data"), 1, Path.of("epl"), "512m", 2, 1000, 100,
                Path.of("/opt/trailwatch/trailwatch"), dir);
        BenchReport report = new BenchReport(options, 4, "JAVA_OPTS=-Xmx512m /opt/trailwatch/trailwatch replay DATA");
        report.floor(1000, SECOND, SECOND / 2);
        report.gunzip(SECOND / 4);
        report.decode(1000, SECOND);
        report.engine(new EngineOnly.Run(1000, 0, SECOND));
        report.replay(replayRun(3 * SECOND));
        report.warmStart(replayRun(SECOND));
        report.coldStart(replayRun(5 * SECOND / 2));
        return report;
    }

    /** Process CPU {@code nanos}: a sixth on the feeding thread, a third in JIT threads, a sixth in collector threads. */
    private static CpuUse cpu(long nanos) {
        return new CpuUse(nanos, nanos / 6, nanos / 3, nanos / 6);
    }

    private static ReplayChild.Run replayRun(long nanos) {
        return new ReplayChild.Run(nanos, cpu(2 * nanos), 1000, 0, 0, 0, 0, JsonNodeFactory.instance.arrayNode());
    }

    @Test
    void takesTheWarmFixedCostOffTheReplay() {
        assertEquals(500, oneRound().replayWithoutStartup(), 1e-9);
    }

    @Test
    void printsBothFixedCosts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        oneRound().printTable(new PrintStream(out, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("replay fixed cost, warm (rules cached, class-data archive)          1.0 s"), table);
        assertTrue(table.contains("replay fixed cost, cold (rules compiled, no archive)                2.5 s"), table);
    }

    @Test
    void comparesTheReplayProcessCpuPerRecordWithTheFloors() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchReport report = oneRound();
        report.printTable(new PrintStream(out, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("6,000.0 µs/record (floor 500.0 µs; 12.00× its CPU"), table);
        double budget = Runtime.getRuntime().availableProcessors() / 1.3 * 500;
        assertTrue(table.contains(String.format("250.0 µs/record (of the %.1f µs the whole process may spend for 1.3×)", budget)),
                table);
        assertTrue(table.contains("2,000.0 µs/record (JIT threads 2000.0, collector threads 1000.0, feeding thread 1000.0)"), table);

        Path file = dir.resolve("cpu.json");
        report.writeJson(file);
        JsonNode results = new ObjectMapper().readTree(file.toFile());
        assertEquals(6000, results.at("/median/replayCpuMicrosPerRecord").asDouble(), 1e-9);
        assertEquals(500, results.at("/perRound/floorCpuMicrosPerRecord/0").asDouble(), 1e-9);
        assertEquals(250, results.at("/median/gunzipCpuMicrosPerRecord").asDouble(), 1e-9);
        assertEquals(2000, results.at("/median/replayJitMicrosPerRecord").asDouble(), 1e-9);
    }

    @Test
    void writesBothFixedCostsAndTheCommandToTheResults() throws Exception {
        Path file = dir.resolve("results.json");
        oneRound().writeJson(file);
        JsonNode results = new ObjectMapper().readTree(file.toFile());
        assertEquals(1.0, results.at("/median/replayFixedCostWarmSeconds").asDouble());
        assertEquals(2.5, results.at("/median/replayFixedCostColdSeconds").asDouble());
        assertEquals(2.5, results.at("/perRound/replayFixedCostColdSeconds/0").asDouble());
        assertEquals("JAVA_OPTS=-Xmx512m /opt/trailwatch/trailwatch replay DATA", results.path("replayCommand").asText());
    }

    @Test
    void reportsTheReplaysScoreAgainstTheGroundTruthWithWhatWentWrong() throws Exception {
        BenchReport report = oneRound();
        report.groundTruth(new GroundTruthScore(17, List.of("scn-00029 bulk-destruction-single-call"), 16,
                List.of("scn-00002 bulk-destruction-terraform-teardown: bulk-destruction"), List.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.printTable(new PrintStream(out, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("ground truth: 16/17 attacks found, 1 of 16 look-alikes alerted, 0 alerts on"
                + " background traffic"), table);
        assertTrue(table.contains("missed: scn-00029 bulk-destruction-single-call"), table);
        assertTrue(table.contains("look-alike alerted: scn-00002 bulk-destruction-terraform-teardown: bulk-destruction"),
                table);

        Path file = dir.resolve("truth.json");
        report.writeJson(file);
        JsonNode truth = new ObjectMapper().readTree(file.toFile()).path("groundTruth");
        assertEquals(17, truth.path("attacks").asInt());
        assertEquals("scn-00029 bulk-destruction-single-call", truth.at("/missed/0").asText());
    }

    @Test
    void heapProfileSeparatesTheLiveHeapAfterFullCollectionsFromTheUpperBound() throws Exception {
        BenchReport report = oneRound();
        long mib = 1 << 20;
        JsonNode samples = new ObjectMapper().readTree("[[0," + 100 * mib + ",0],[500," + 300 * mib + ",0],[600,"
                + 40 * mib + ",1],[1000," + 200 * mib + ",0],[1000," + 42 * mib + ",1]]");
        report.replay(new ReplayChild.Run(3 * SECOND, cpu(6 * SECOND), 1000, 0, 0, 0, 0, samples));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.printHeapProfile(new PrintStream(out, true, StandardCharsets.UTF_8));
        String profile = out.toString(StandardCharsets.UTF_8);

        assertTrue(profile.contains("(5 collections), MiB: 100 - - - - 300 40 - - 200"), profile);
        assertTrue(profile.contains("(2 full collections), MiB:        - - - - - - 40 - - 42"), profile);
    }
}

package io.trailwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.AlertFormat;
import io.trailwatch.alert.SuppressionConfig;
import io.trailwatch.engine.RulePack;
import io.trailwatch.generate.Generator;
import io.trailwatch.generate.GeneratorOptions;
import io.trailwatch.sink.AlertSink;
import io.trailwatch.sink.file.JsonLinesFileSink;
import io.trailwatch.source.ReplayInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel decoding never changes the result: the same input gives byte-identical alerts on 1 or 4 threads. */
class ReplayThreadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static RulePack rules;
    private static Path data;

    @BeforeAll
    static void generate() throws Exception {
        rules = RulePack.load(Path.of("epl"));
        data = dir.resolve("data");
        GeneratorOptions d = GeneratorOptions.defaults(data, 20_000, 3);
        // few accounts and regions: hundreds of files, not thousands, so the test stays quick
        new Generator(new GeneratorOptions(data, d.events(), d.seed(), 4, 2, d.principalsPerAccount(), d.start(),
                d.lateFraction(), d.duplicateFraction(), true)).run();
    }

    @Test
    void oneAndFourDecodeThreadsGiveIdenticalAlerts() throws Exception {
        for (Duration lateness : new Duration[] {Duration.ofMinutes(15), null}) {
            Path one = replay(1, lateness);
            Path four = replay(4, lateness);
            List<String> alerts = Files.readAllLines(one);
            assertTrue(alerts.size() >= 1, "the generated scenarios should raise alerts; got none with lateness " + lateness);
            assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four), "alerts differ with lateness " + lateness);
        }
    }

    /**
     * Records delivered later than the bound are processed out of order, so a sequence rule may take a
     * different (equally valid) event as evidence; the detections themselves stay the same.
     */
    @Test
    void boundedLatenessRaisesTheDetectionsOfTheFullySortedReplay() throws Exception {
        assertEquals(detections(replay(1, null)), detections(replay(1, Duration.ofMinutes(15))));
    }

    private static List<String> detections(Path alerts) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(alerts)) {
            JsonNode a = JSON.readTree(line);
            out.add(a.get("ruleId").asText() + " " + a.get("principal").asText() + " " + a.get("accountId").asText()
                    + " " + a.get("firstEventTime").asText());
        }
        return out;
    }

    private static Path replay(int threads, Duration lateness) throws Exception {
        String name = "alerts-" + threads + "-" + (lateness == null ? "all" : lateness.toMinutes()) + ".json";
        Path out = dir.resolve(name);
        if (Files.exists(out)) {
            return out;
        }
        ReplayOptions options = new ReplayOptions(ReplayInputs.expand(List.of(data.toString())), lateness,
                SuppressionConfig.none(), threads, dir.resolve(name + ".dead-letter"));
        try (AlertSink sink = new JsonLinesFileSink(out, AlertFormat.named("json"))) {
            ReplayStats stats = new Replay(options, rules).run(List.of(sink), Progress.NONE);
            assertEquals(0, stats.badRecords(), "generated data has no bad records");
        }
        return out;
    }
}

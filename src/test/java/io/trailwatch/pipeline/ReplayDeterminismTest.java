package io.trailwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.SuppressionConfig;
import io.trailwatch.engine.RulePack;
import io.trailwatch.generate.Generator;
import io.trailwatch.generate.GeneratorOptions;
import io.trailwatch.source.ReplayInput;
import io.trailwatch.source.ReplayInputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input, same alerts, byte for byte: whatever the order of files, the order of records inside them
 * (within the lateness), and however often it is replayed. Runs the shipped rule pack over a generated
 * stream with injected attacks, late and duplicate deliveries.
 */
class ReplayDeterminismTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static RulePack rules;
    private static List<ReplayInput> inputs;
    private static String reference;

    @BeforeAll
    static void generateAndReplayOnce() throws Exception {
        Path generated = dir.resolve("generated");
        // Few accounts and regions: fewer, fuller delivery files, as in a real trail, and a faster test.
        new Generator(new GeneratorOptions(generated, 20_000, 7, 3, 2, 12, GeneratorOptions.DEFAULT_START,
                0.01, 0.005, true)).run();
        rules = RulePack.load(Path.of("epl"));
        inputs = ReplayInputs.expand(List.of(generated.resolve("AWSLogs").toString()));
        reference = replay(inputs, null, 2);
    }

    @Test
    void theGeneratedAttacksRaiseAlerts() {
        assertTrue(reference.lines().count() >= 2, "expected alerts from the injected scenarios, got:\n" + reference);
    }

    @Test
    void replayingTwiceGivesTheSameBytes() throws Exception {
        assertEquals(reference, replay(inputs, null, 2));
    }

    @Test
    void filesInReverseOrderGiveTheSameBytes() throws Exception {
        List<ReplayInput> reversed = new ArrayList<>(inputs);
        Collections.reverse(reversed);
        assertEquals(reference, replay(reversed, null, 2));
    }

    @Test
    void decodeThreadsDoNotChangeTheResult() throws Exception {
        assertEquals(reference, replay(inputs, null, 1));
        assertEquals(reference, replay(inputs, null, 4));
    }

    @Test
    void decodeThreadsDoNotChangeTheResultUnderABoundedLatenessEither() throws Exception {
        Duration lateness = Duration.ofMinutes(15);
        String bounded = replay(inputs, lateness, 1);
        assertTrue(!bounded.isEmpty(), "the generated scenarios raise alerts under a bound too");
        assertEquals(bounded, replay(inputs, lateness, 4));
    }

    /**
     * Records delivered later than the bound are processed out of order, so a sequence rule may cite a
     * different, equally valid, event as evidence; the detections themselves stay those of the sorted replay.
     */
    @Test
    void aBoundedLatenessRaisesTheDetectionsOfTheFullySortedReplay() throws Exception {
        assertEquals(detections(reference), detections(replay(inputs, Duration.ofMinutes(15), 2)));
    }

    @Test
    void recordsShuffledWithinTheLatenessGiveTheSameBytes() throws Exception {
        Path shuffled = dir.resolve("shuffled");
        Random random = new Random(42);
        for (ReplayInput input : inputs) {
            if (!input.name().endsWith(".json.gz") || input.name().contains("CloudTrail-Digest")) {
                continue;
            }
            Path target = shuffled.resolve(dir.resolve("generated").relativize(input.path()));
            Files.createDirectories(target.getParent());
            ObjectNode file;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(input.path()))) {
                file = (ObjectNode) JSON.readTree(in);
            }
            List<Object> records = new ArrayList<>();
            file.withArray("Records").forEach(records::add);
            Collections.shuffle(records, random);
            ArrayNode out = JSON.createArrayNode();
            records.forEach(r -> out.add((com.fasterxml.jackson.databind.JsonNode) r));
            file.set("Records", out);
            try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(target))) {
                JSON.writeValue(os, file);
            }
        }
        // Each delivery file spans 5 minutes and late copies arrive within 15: a 20-minute bound holds them all.
        assertEquals(reference, replay(ReplayInputs.expand(List.of(shuffled.toString())), Duration.ofMinutes(20), 2));
    }

    private static List<String> detections(String jsonLines) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : jsonLines.lines().toList()) {
            com.fasterxml.jackson.databind.JsonNode a = JSON.readTree(line);
            out.add(a.get("ruleId").asText() + " " + a.get("principal").asText() + " " + a.get("accountId").asText()
                    + " " + a.get("firstEventTime").asText());
        }
        return out;
    }

    private static String replay(List<ReplayInput> in, Duration lateness, int threads) throws Exception {
        CollectingSink sink = new CollectingSink();
        ReplayOptions options = new ReplayOptions(in, lateness, SuppressionConfig.none(), threads, dir.resolve("dead.jsonl"));
        new Replay(options, rules).run(List.of(sink), Progress.NONE);
        return sink.jsonLines();
    }
}

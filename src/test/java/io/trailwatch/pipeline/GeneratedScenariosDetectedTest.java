package io.trailwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.Alert;
import io.trailwatch.alert.SuppressionConfig;
import io.trailwatch.engine.RulePack;
import io.trailwatch.generate.Generator;
import io.trailwatch.generate.GeneratorOptions;
import io.trailwatch.generate.GroundTruthScore;
import io.trailwatch.source.ReplayInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped pack against the generator's answer key: every injected attack is found by its rule, and no
 * look-alike or background traffic pages anyone once the data set's own maintenance windows are applied. Catches a
 * rule change that loses a scenario, or a scenario change that no longer shows what its rule looks for.
 */
class GeneratedScenariosDetectedTest {

    @TempDir
    Path dir;

    @Test
    void everyAttackIsFoundAndNothingElsePages() throws Exception {
        Path generated = dir.resolve("generated");
        new Generator(new GeneratorOptions(generated, 40_000, 5, 6, 2, 12, GeneratorOptions.DEFAULT_START,
                0.01, 0.005, true)).run();
        Path alerts = dir.resolve("alerts.jsonl");
        CollectingSink sink = new CollectingSink();
        // the whole data set, as the bench replays it: the answer key and the suppression file beside the logs are
        // skipped as JSON without CloudTrail records, never read as bad ones
        ReplayOptions options = new ReplayOptions(ReplayInputs.expand(List.of(generated.toString())),
                Duration.ofMinutes(15), SuppressionConfig.load(generated.resolve("suppression.json")), 2,
                dir.resolve("dead.jsonl"));
        ReplayStats stats = new Replay(options, RulePack.load(Path.of("epl"))).run(List.of(sink), Progress.NONE);
        Files.writeString(alerts, sink.jsonLines());
        assertEquals(0, stats.badRecords());
        long digests;
        try (Stream<Path> files = Files.walk(generated)) {
            digests = files.filter(f -> f.getFileName().toString().contains("_CloudTrail-Digest_")).count();
        }
        assertEquals(digests + 2, stats.skippedFiles(), "the digests, ground-truth.json and suppression.json");

        GroundTruthScore score = GroundTruthScore.of(generated.resolve("ground-truth.json"), alerts);

        assertTrue(score.attacks() >= 15 && score.lookAlikes() >= 15, score.summary());
        assertEquals(List.of(), score.missed(), score.summary());
        assertEquals(List.of(), score.falsePositives(), score.summary());
        assertEquals(List.of(), score.onBackground(), score.summary());
        assertTrue(sink.alerts.stream().anyMatch(a -> a.suppressed()),
                "the maintenance window of the generated data set suppresses its teardown");
        assertAssumedRootBurstIsItsCallers(generated.resolve("ground-truth.json"), sink);
    }

    /**
     * The burst split between a member role session and an AssumeRoot session is raised under the management-account
     * user who opened both, and names the root session: found by its rule alone, it could be the member's root.
     */
    private static void assertAssumedRootBurstIsItsCallers(Path groundTruth, CollectingSink sink) throws Exception {
        JsonNode attack = null;
        for (JsonNode scenario : new ObjectMapper().readTree(groundTruth.toFile()).get("scenarios")) {
            if (scenario.get("scenario").asText().equals("bulk-destruction-via-assumed-root")) {
                attack = scenario;
            }
        }
        assertNotNull(attack, "this data set injects the AssumeRoot burst");
        Set<String> events = new HashSet<>();
        attack.get("eventIds").forEach(id -> events.add(id.asText()));
        String account = attack.get("accountId").asText();
        Alert alert = sink.alerts.stream().filter(a -> a.ruleId().equals("bulk-destruction")
                && a.eventIds().stream().anyMatch(events::contains)).findFirst().orElseThrow();
        assertEquals(attack.get("principal").asText(), alert.principal());
        assertEquals(account, alert.accountId());
        assertTrue(alert.summary().contains("root of account " + account + " (task S3UnlockBucketPolicy)"), alert.summary());
    }
}

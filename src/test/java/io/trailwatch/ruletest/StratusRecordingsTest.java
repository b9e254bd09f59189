package io.trailwatch.ruletest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.SuppressionConfig;
import io.trailwatch.pipeline.Progress;
import io.trailwatch.pipeline.Replay;
import io.trailwatch.pipeline.ReplayOptions;
import io.trailwatch.pipeline.ReplayStats;
import io.trailwatch.source.ReplayInput;
import io.trailwatch.source.ReplayInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the real Stratus Red Team detonation logs (and the assembled IAM create-use-delete recording) in
 * one run and checks which rules fire on which recording: the table in the README.
 */
class StratusRecordingsTest {

    private static final Path RECORDINGS = Path.of("testdata/recordings");

    @TempDir
    Path dir;

    @Test
    void theExpectedRulesFireOnTheRealDetonationsAndNothingElseDoes() throws Exception {
        List<ReplayInput> inputs = ReplayInputs.expand(List.of(
                RECORDINGS.resolve("stratus-red-team").toString(), RECORDINGS.resolve("iam-create-use-delete").toString()));
        CollectingSink sink = new CollectingSink();
        ReplayOptions options = new ReplayOptions(inputs, null, SuppressionConfig.none(), 2, dir.resolve("dead-letter.jsonl"));

        ReplayStats stats = new Replay(options, BundledPack.pack()).run(List.of(sink), Progress.NONE);

        assertEquals(0, stats.badRecords());
        assertEquals(Map.of(
                        "aws.defense-evasion.cloudtrail-delete.json", Set.of("cloudtrail-logging-impaired:high"),
                        "aws.defense-evasion.cloudtrail-event-selectors.json", Set.of("cloudtrail-logging-impaired:high"),
                        "aws.defense-evasion.cloudtrail-stop.json", Set.of("cloudtrail-logging-impaired:high"),
                        "iam-create-use-delete", Set.of("iam-user-create-use-delete:high")),
                firedByRecording(inputs, sink.alerts()));
    }

    /** Recording (file name, or the folder of a delivery tree) → {@code ruleId:severity} of the alerts it completed. */
    private static Map<String, Set<String>> firedByRecording(List<ReplayInput> inputs, List<Alert> alerts) throws IOException {
        Map<String, Set<String>> fired = new TreeMap<>();
        for (Alert alert : alerts) {
            // the last evidence event: the IAM recording repeats the Stratus CreateUser records it starts from
            String recording = recordingOf(inputs, alert.eventIds().get(alert.eventIds().size() - 1));
            fired.computeIfAbsent(recording, k -> new TreeSet<>()).add(alert.ruleId() + ":" + alert.severity().label());
        }
        return fired;
    }

    private static String recordingOf(List<ReplayInput> inputs, String eventId) throws IOException {
        for (ReplayInput input : inputs) {
            if (text(input.path()).contains(eventId)) {
                Path relative = RECORDINGS.relativize(input.path());
                return relative.startsWith("stratus-red-team") ? relative.getFileName().toString() : relative.getName(0).toString();
            }
        }
        throw new AssertionError("no recording holds event " + eventId);
    }

    private static String text(Path file) throws IOException {
        if (file.toString().endsWith(".gz")) {
            try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return Files.readString(file);
    }
}

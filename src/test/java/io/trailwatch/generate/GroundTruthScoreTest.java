package io.trailwatch.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthScoreTest {

    @TempDir
    Path dir;

    private Path truth;

    @BeforeEach
    void writeGroundTruth() throws Exception {
        truth = dir.resolve("ground-truth.json");
        Files.writeString(truth, """
                {"scenarios": [
                  {"id": "scn-1", "scenario": "burst", "kind": "attack", "ruleId": "bulk-destruction", "eventIds": ["a1", "a2"]},
                  {"id": "scn-2", "scenario": "backdoor", "kind": "attack", "ruleId": "iam-user-create-use-delete", "eventIds": ["b1"]},
                  {"id": "scn-3", "scenario": "teardown", "kind": "benign", "ruleId": null, "eventIds": ["c1", "c2"]},
                  {"id": "scn-4", "scenario": "denied", "kind": "benign", "ruleId": null, "eventIds": ["d1"]}
                ]}""");
    }

    @Test
    void anAttackIsFoundOnlyByAPagingAlertOfItsOwnRule() throws Exception {
        GroundTruthScore score = score(
                alert("bulk-destruction", "high", false, "a2", "x9"),
                alert("bulk-destruction", "high", false, "b1"));

        assertEquals(List.of("scn-2 backdoor"), score.missed());
        assertEquals("1/2 attacks found, 0 of 2 look-alikes alerted, 0 alerts on background traffic", score.summary());
        assertFalse(score.perfect());
    }

    @Test
    void suppressedAndInfoAlertsDoNotPage() throws Exception {
        GroundTruthScore score = score(
                alert("bulk-destruction", "high", false, "a1"),
                alert("iam-user-create-use-delete", "critical", false, "b1"),
                alert("bulk-destruction", "high", true, "c1"),
                alert("cloudtrail-logging-impaired", "info", false, "d1"),
                alert("cloudtrail-logging-impaired", "INFO", false, "z1"));

        assertTrue(score.perfect(), score.summary());
    }

    @Test
    void aLookAlikeIsCountedOnceWithEveryRuleThatPagedOnIt() throws Exception {
        GroundTruthScore score = score(
                alert("bulk-destruction", "high", false, "a1"),
                alert("iam-user-create-use-delete", "high", false, "b1"),
                alert("bulk-destruction", "medium", false, "c1"),
                alert("ami-deregistration", "medium", false, "c2"));

        assertEquals(List.of("scn-3 teardown: ami-deregistration, bulk-destruction"), score.falsePositives());
        assertEquals("2/2 attacks found, 1 of 2 look-alikes alerted, 0 alerts on background traffic", score.summary());
    }

    @Test
    void aPagingAlertTouchingNoScenarioFiredOnBackgroundTraffic() throws Exception {
        GroundTruthScore score = score(
                alert("bulk-destruction", "high", false, "a1"),
                alert("iam-user-create-use-delete", "high", false, "b1"),
                alert("ecs-service-delete-burst", "medium", false, "q1", "q2"));

        assertEquals(List.of("ecs-service-delete-burst: summary of ecs-service-delete-burst"), score.onBackground());
    }

    private GroundTruthScore score(String... alerts) throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        Files.writeString(file, String.join("\n", alerts) + "\n");
        return GroundTruthScore.of(truth, file);
    }

    private static String alert(String ruleId, String severity, boolean suppressed, String... eventIds) {
        return String.format("{\"ruleId\":\"%s\",\"severity\":\"%s\",\"suppressed\":%s,\"summary\":\"summary of %s\","
                + "\"eventIds\":[\"%s\"]}", ruleId, severity, suppressed, ruleId, String.join("\",\"", eventIds));
    }
}

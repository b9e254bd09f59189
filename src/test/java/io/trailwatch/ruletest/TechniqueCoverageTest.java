package io.trailwatch.ruletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.alert.RuleInfo;
import io.trailwatch.alert.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TechniqueCoverageTest {

    private static RuleInfo rule(String id, String... techniques) {
        return new RuleInfo(id, "t", "d", Severity.HIGH, List.of(techniques), "test", List.of(), List.of(), "epl/x/" + id + ".epl");
    }

    private final TechniqueCoverage coverage = new TechniqueCoverage(List.of(
            rule("bulk-destruction", "T1485", "AN0414"),
            rule("ami-deregistration", "T1485.A002", "T1485"),
            rule("instance-create-terminate", "T1578.003")));

    @Test
    void groupsRulesByTechniqueInIdOrder() {
        assertEquals(Map.of("AN0414", List.of("bulk-destruction"),
                        "T1485", List.of("bulk-destruction", "ami-deregistration"),
                        "T1485.A002", List.of("ami-deregistration"),
                        "T1578.003", List.of("instance-create-terminate")),
                coverage.rulesByTechnique());
        assertEquals(List.of("AN0414", "T1485", "T1485.A002", "T1578.003"), List.copyOf(coverage.rulesByTechnique().keySet()));
    }

    @Test
    void tableLinksTechniquesAndSubTechniquesToAttack() {
        String table = coverage.markdownTable();

        assertTrue(table.contains("| [T1578.003](https://attack.mitre.org/techniques/T1578/003/) | instance-create-terminate |"), table);
        assertTrue(table.contains("| AN0414 | bulk-destruction |"), table);
    }

    @Test
    void navigatorLayerFoldsAnalyticsIntoTheirTechniqueAndLeavesOutOtherIds() {
        JsonNode layer = coverage.navigatorLayer("pack");

        assertEquals("enterprise-attack", layer.get("domain").asText());
        assertEquals("4.5", layer.get("versions").get("layer").asText());
        JsonNode techniques = layer.get("techniques");
        assertEquals(2, techniques.size());
        assertEquals("T1485", techniques.get(0).get("techniqueID").asText());
        assertEquals(2, techniques.get(0).get("score").asInt());
        assertEquals("rules: bulk-destruction, ami-deregistration", techniques.get(0).get("comment").asText());
        assertEquals("T1578.003", techniques.get(1).get("techniqueID").asText());
    }
}

package io.trailwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.Alert;
import io.trailwatch.alert.MaintenanceWindow;
import io.trailwatch.alert.Severity;
import io.trailwatch.alert.SuppressionConfig;
import io.trailwatch.engine.RulePack;
import io.trailwatch.generate.Generator;
import io.trailwatch.generate.GeneratorOptions;
import io.trailwatch.source.ReplayInputs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's answer key holds for the shipped rules: replayed with the maintenance windows the ground truth
 * declares, every injected attack raises an alert of its rule citing its events, and no look-alike raises an
 * unsuppressed alert above {@code info} citing its events ({@code info} is how a rule records what must be seen but
 * never pages: a refused attempt, an undone deletion). A new rule's scenarios are checked here as soon as they are
 * in the plan.
 */
class GeneratedGroundTruthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static List<JsonNode> scenarios;
    private static List<Alert> alerts;

    @BeforeAll
    static void generateAndReplay() throws Exception {
        Path out = dir.resolve("generated");
        JsonNode truth = JSON.readTree(new Generator(GeneratorOptions.defaults(out, 20_000, 7)).run().groundTruth().toFile());
        scenarios = new ArrayList<>();
        truth.get("scenarios").forEach(scenarios::add);
        List<MaintenanceWindow> windows = new ArrayList<>();
        for (JsonNode w : truth.get("maintenanceWindows")) {
            windows.add(new MaintenanceWindow(w.get("accountId").asText(), w.get("principal").asText(),
                    Instant.parse(w.get("start").asText()), Instant.parse(w.get("end").asText()), w.get("reason").asText(),
                    List.of(w.get("ruleId").asText())));
        }
        CollectingSink sink = new CollectingSink();
        ReplayOptions options = new ReplayOptions(ReplayInputs.expand(List.of(out.resolve("AWSLogs").toString())), null,
                new SuppressionConfig(windows, List.of()), 2, dir.resolve("dead.jsonl"));
        new Replay(options, RulePack.load(Path.of("epl"))).run(List.of(sink), Progress.NONE);
        alerts = sink.alerts;
    }

    @Test
    void everyInjectedAttackRaisesAnAlertOfItsRuleCitingItsEvents() {
        List<String> missed = new ArrayList<>();
        for (JsonNode s : scenarios) {
            if (s.get("kind").asText().equals("attack")) {
                String ruleId = s.get("ruleId").asText();
                if (citing(s).stream().noneMatch(a -> a.ruleId().equals(ruleId) && !a.suppressed())) {
                    missed.add(s.get("id").asText() + " " + s.get("scenario").asText() + " (" + ruleId + ")");
                }
            }
        }
        assertFalse(scenarios.isEmpty());
        assertEquals(List.of(), missed, "attacks that raised no alert of their rule");
    }

    @Test
    void noLookAlikeRaisesAnUnsuppressedAlertAboveInfoOnItsEvents() {
        List<String> raised = new ArrayList<>();
        for (JsonNode s : scenarios) {
            if (s.get("kind").asText().equals("benign")) {
                citing(s).stream().filter(a -> !a.suppressed() && a.severity().compareTo(Severity.INFO) > 0).forEach(a -> raised.add(s.get("id").asText() + " "
                        + s.get("scenario").asText() + ": " + a.ruleId() + " " + a.severity().label() + " | " + a.summary()));
            }
        }
        assertEquals(List.of(), raised, "look-alikes that raised an alert above info");
    }

    private static List<Alert> citing(JsonNode scenario) {
        Set<String> ids = new HashSet<>();
        scenario.get("eventIds").forEach(id -> ids.add(id.asText()));
        return alerts.stream().filter(a -> a.eventIds().stream().anyMatch(ids::contains)).toList();
    }
}

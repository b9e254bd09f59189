package io.trailwatch.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A replay's JSON alerts scored against the ground truth of the data set they came from.
 *
 * <p>An alert <em>pages</em> when it is neither suppressed nor of severity {@code info} (rules raise {@code info} for
 * failed attempts, which look-alikes include on purpose). An alert touches a scenario when its evidence
 * ({@code eventIds}) shares an event with the scenario's. Then:
 * <ul>
 *   <li>an attack is <em>found</em> when a paging alert of its rule touches it;</li>
 *   <li>a look-alike is a <em>false positive</em> when any paging alert touches it;</li>
 *   <li>a paging alert that touches no scenario at all fired on background traffic, which holds no attack.</li>
 * </ul>
 *
 * @param attacks           attack scenarios in the ground truth
 * @param missed            the attacks no paging alert of their rule touched, as {@code id scenario}
 * @param lookAlikes        look-alike scenarios in the ground truth
 * @param falsePositives    the look-alikes a paging alert touched, as {@code id scenario: ruleId, ...}
 * @param onBackground      paging alerts that touch no scenario, as {@code ruleId: summary}
 */
public record GroundTruthScore(int attacks, List<String> missed, int lookAlikes, List<String> falsePositives,
                               List<String> onBackground) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Scores the alerts of {@code alertsJsonLines} (one JSON alert per line) against {@code groundTruth}. */
    public static GroundTruthScore of(Path groundTruth, Path alertsJsonLines) throws IOException {
        List<JsonNode> paging = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(alertsJsonLines)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode alert = JSON.readTree(line);
                if (!alert.path("suppressed").asBoolean() && !alert.path("severity").asText().equalsIgnoreCase("info")) {
                    paging.add(alert);
                }
            }
        }
        int attacks = 0;
        int lookAlikes = 0;
        List<String> missed = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        Set<JsonNode> explained = new HashSet<>();
        for (JsonNode scenario : JSON.readTree(groundTruth.toFile()).path("scenarios")) {
            Set<String> ids = new HashSet<>();
            scenario.path("eventIds").forEach(id -> ids.add(id.asText()));
            String name = scenario.path("id").asText() + " " + scenario.path("scenario").asText();
            boolean attack = scenario.path("kind").asText().equals("attack");
            String ruleId = scenario.path("ruleId").asText();
            Set<String> alertingRules = new TreeSet<>();
            for (JsonNode alert : paging) {
                if (touches(alert, ids)) {
                    explained.add(alert);
                    alertingRules.add(alert.path("ruleId").asText());
                }
            }
            if (attack) {
                attacks++;
                if (!alertingRules.contains(ruleId)) {
                    missed.add(name);
                }
            } else {
                lookAlikes++;
                if (!alertingRules.isEmpty()) {
                    falsePositives.add(name + ": " + String.join(", ", alertingRules));
                }
            }
        }
        List<String> onBackground = paging.stream().filter(a -> !explained.contains(a))
                .map(a -> a.path("ruleId").asText() + ": " + a.path("summary").asText()).toList();
        return new GroundTruthScore(attacks, List.copyOf(missed), lookAlikes, List.copyOf(falsePositives), onBackground);
    }

    private static boolean touches(JsonNode alert, Set<String> scenarioEventIds) {
        for (JsonNode id : alert.path("eventIds")) {
            if (scenarioEventIds.contains(id.asText())) {
                return true;
            }
        }
        return false;
    }

    /** True when every attack was found and nothing else paged. */
    public boolean perfect() {
        return missed.isEmpty() && falsePositives.isEmpty() && onBackground.isEmpty();
    }

    /** One line: {@code 17/17 attacks found, 0 of 16 look-alikes alerted, 0 alerts on background traffic}. */
    public String summary() {
        return String.format("%d/%d attacks found, %d of %d look-alikes alerted, %d alerts on background traffic",
                attacks - missed.size(), attacks, falsePositives.size(), lookAlikes, onBackground.size());
    }
}

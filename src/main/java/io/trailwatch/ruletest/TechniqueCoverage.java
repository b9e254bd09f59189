package io.trailwatch.ruletest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.RuleInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which MITRE ATT&CK ids a rule pack covers, and by which rules: as a Markdown table, and as an ATT&CK
 * Navigator layer. The Navigator knows techniques and sub-techniques only, so an analytic id
 * ({@code T1485.A002}) counts for its technique ({@code T1485}) there, and a detection-strategy analytic
 * ({@code AN0414}) appears in the table only.
 */
public final class TechniqueCoverage {

    private static final Pattern NAVIGATOR_ID = Pattern.compile("^(T\\d{4})(\\.\\d{3})?(\\.A\\d{3})?$");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, List<String>> rulesByTechnique = new TreeMap<>();

    /** @param rules the pack's rules ({@code RulePack.rules()}) */
    public TechniqueCoverage(List<RuleInfo> rules) {
        for (RuleInfo rule : rules) {
            for (String technique : rule.techniques()) {
                rulesByTechnique.computeIfAbsent(technique, t -> new ArrayList<>()).add(rule.id());
            }
        }
    }

    /** Technique id → ids of the rules naming it, both sorted. */
    public Map<String, List<String>> rulesByTechnique() {
        return rulesByTechnique;
    }

    /** {@code | Technique | Rules |} with one row per id, linked to attack.mitre.org where it has a page. */
    public String markdownTable() {
        StringBuilder sb = new StringBuilder("| Technique | Rules |\n|---|---|\n");
        rulesByTechnique.forEach((technique, rules) -> sb.append("| ").append(link(technique)).append(" | ")
                .append(String.join(", ", rules)).append(" |\n"));
        return sb.toString();
    }

    /**
     * An ATT&CK Navigator layer (format 4.5, enterprise domain): each covered technique scored with its
     * number of rules and commented with their ids.
     */
    public ObjectNode navigatorLayer(String name) {
        Map<String, List<String>> byNavigatorId = new TreeMap<>();
        rulesByTechnique.forEach((technique, rules) -> {
            Matcher m = NAVIGATOR_ID.matcher(technique);
            if (m.matches()) {
                String id = m.group(1) + (m.group(2) == null ? "" : m.group(2));
                List<String> merged = byNavigatorId.computeIfAbsent(id, k -> new ArrayList<>());
                rules.stream().filter(r -> !merged.contains(r)).forEach(merged::add);
            }
        });
        ObjectNode layer = JSON.createObjectNode();
        layer.put("name", name);
        ObjectNode versions = layer.putObject("versions");
        versions.put("attack", "16");
        versions.put("navigator", "5.1.0");
        versions.put("layer", "4.5");
        layer.put("domain", "enterprise-attack");
        layer.put("description", "Techniques covered by the Trailwatch rule pack; score = number of rules");
        ArrayNode techniques = layer.putArray("techniques");
        byNavigatorId.forEach((id, rules) -> {
            ObjectNode t = techniques.addObject();
            t.put("techniqueID", id);
            t.put("score", rules.size());
            t.put("comment", "rules: " + String.join(", ", rules));
            t.put("enabled", true);
        });
        ObjectNode gradient = layer.putObject("gradient");
        gradient.putArray("colors").add("#ffe766").add("#8ec843");
        gradient.put("minValue", 0);
        gradient.put("maxValue", byNavigatorId.values().stream().mapToInt(List::size).max().orElse(1));
        return layer;
    }

    /** Writes {@link #navigatorLayer} to {@code file} as indented JSON. */
    public void writeNavigatorLayer(Path file, String name) throws IOException {
        JSON.writeValue(file.toFile(), navigatorLayer(name));
    }

    private static String link(String technique) {
        Matcher m = NAVIGATOR_ID.matcher(technique);
        if (!m.matches()) {
            return technique;
        }
        String page = m.group(1) + (m.group(2) == null ? "" : "/" + m.group(2).substring(1));
        return "[" + technique + "](https://attack.mitre.org/techniques/" + page + "/)";
    }
}

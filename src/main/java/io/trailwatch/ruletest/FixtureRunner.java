package io.trailwatch.ruletest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.RuleInfo;
import io.trailwatch.alert.SuppressionConfig;
import io.trailwatch.config.ConfigException;
import io.trailwatch.config.ConfigFiles;
import io.trailwatch.engine.RulePack;
import io.trailwatch.pipeline.Progress;
import io.trailwatch.pipeline.Replay;
import io.trailwatch.pipeline.ReplayOptions;
import io.trailwatch.pipeline.ReplayStats;
import io.trailwatch.source.ReplayInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs fixture cases against one loaded {@link RulePack}, each exactly as {@code trailwatch replay} would
 * run its {@code events.json}: the {@link Replay} pipeline on event time, with the case's suppression and
 * an in-memory sink. Load the pack once and reuse the runner: compiling a pack takes seconds, a case
 * milliseconds.
 */
public final class FixtureRunner {

    private static final int SHOWN_DEAD_LETTERS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_ERROR_AT = Pattern.compile("(malformed JSON) at line (\\d+), column (\\d+):(.*)", Pattern.DOTALL);

    private final RulePack pack;
    private final Path deadLetterDir;

    /**
     * @param pack          the rules under test
     * @param deadLetterDir where records a case's events.json could not decode are written, one file per case,
     *                      kept only when there are more than the failure lists
     */
    public FixtureRunner(RulePack pack, Path deadLetterDir) {
        this.pack = pack;
        this.deadLetterDir = deadLetterDir;
    }

    /** Runs one case; never throws for a broken case, its problems are the result's failures. */
    public CaseResult run(FixtureCase c) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        if (!Files.isRegularFile(c.events())) {
            return new CaseResult(c, List.of("- " + c.events() + " does not exist (add the CloudTrail records the case replays)"), List.of());
        }
        SuppressionConfig suppression = SuppressionConfig.none();
        List<ExpectedAlert> expected = List.of();
        boolean expectedMissing = c.expected() == null && c.kind() == CaseKind.POSITIVE;
        try {
            if (c.suppression() != null) {
                suppression = SuppressionConfig.load(c.suppression());
            }
            if (c.expected() != null) {
                expected = List.of(ConfigFiles.read(c.expected(), ExpectedAlert[].class));
            }
        } catch (ConfigException e) {
            return new CaseResult(c, List.of("- " + e.getMessage()), List.of());
        }
        List<String> unknownRules = unknownRules(c, expected);
        Path deadLetter = deadLetterDir.resolve(c.label().replace('/', '_') + ".dead-letter.jsonl");
        ReplayOptions options = new ReplayOptions(List.of(new ReplayInput(c.events(), c.events().toString())),
                null, suppression, 1, deadLetter);
        CollectingSink sink = new CollectingSink();
        try {
            ReplayStats stats = new Replay(options, pack).run(List.of(sink), Progress.NONE);
            if (stats.badRecords() > 0) {
                failures.add("- " + c.events() + ": " + stats.badRecords()
                        + " record(s) could not be decoded; fix them, a fixture must replay cleanly:");
                failures.addAll(deadLetterLines(deadLetter));
            } else if (stats.records() == 0) {
                failures.add("- " + c.events() + " holds no CloudTrail record (empty, or JSON the decoder skips as not"
                        + " CloudTrail): a case must replay at least one, or a negative case passes without testing anything");
            }
        } catch (IOException e) {
            return new CaseResult(c, List.of("- cannot replay " + c.events() + ": " + e.getMessage()), sink.alerts());
        }
        if (expectedMissing) {
            failures.add("- " + c.directory().resolve(FixtureCase.EXPECTED) + " does not exist: list the alerts the case"
                    + " must raise, e.g. [{\"ruleId\": \"" + c.ruleId() + "\", \"count\": 1, \"severity\": \"high\"}]"
                    + " (the alerts raised are below)");
            failures.addAll(Expectations.raised(c, sink.alerts()));
        } else if (!unknownRules.isEmpty()) {
            failures.addAll(unknownRules);
            failures.addAll(Expectations.raised(c, sink.alerts()));
        } else {
            failures.addAll(Expectations.differences(c, expected, sink.alerts()));
        }
        return new CaseResult(c, failures, sink.alerts());
    }

    /** An entry naming a rule the pack does not have can never match: say so instead of "raised 0". */
    private List<String> unknownRules(FixtureCase c, List<ExpectedAlert> expected) {
        Set<String> ids = pack.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String ruleId = expected.get(i).ruleId();
            if (!ids.contains(ruleId)) {
                problems.add("- " + c.expected() + ": entry " + (i + 1) + " names rule '" + ruleId
                        + "', which the pack does not have (this case's rule is '" + c.ruleId() + "')");
            }
        }
        return problems;
    }

    /**
     * The first {@value #SHOWN_DEAD_LETTERS} dead letters as {@code file:line: reason} ({@code file:line:column} of the
     * error for malformed JSON, a byte offset where there is no line); the file is deleted when all are shown, else kept
     * and named for the rest.
     */
    private static List<String> deadLetterLines(Path deadLetter) throws IOException {
        List<String> letters = Files.readAllLines(deadLetter);
        List<String> lines = new ArrayList<>();
        for (String letter : letters.subList(0, Math.min(SHOWN_DEAD_LETTERS, letters.size()))) {
            JsonNode node = JSON.readTree(letter);
            String reason = node.path("reason").asText();
            Matcher at = JSON_ERROR_AT.matcher(reason);
            if (at.matches()) {
                // The letter's line is where the record starts; an editor should jump to the error itself.
                lines.add("    " + node.path("file").asText() + ":" + at.group(2) + ":" + at.group(3) + ": " + at.group(1)
                        + ":" + at.group(4) + (node.has("line") ? " (in the record starting at line " + node.get("line").asLong() + ")" : ""));
                continue;
            }
            String where = node.has("line") ? ":" + node.get("line").asLong()
                    : node.has("offset") ? " (byte offset " + node.get("offset").asLong() + ")" : "";
            lines.add("    " + node.path("file").asText() + where + ": " + reason);
        }
        if (letters.size() > SHOWN_DEAD_LETTERS) {
            lines.add("    ... and " + (letters.size() - SHOWN_DEAD_LETTERS) + " more in " + deadLetter);
        } else {
            Files.delete(deadLetter);
        }
        return lines;
    }
}

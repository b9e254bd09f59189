package io.trailwatch.ruletest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Runs fixture cases against one loaded {@link RulePack}, each exactly as {@code trailwatch replay} would
 * run its {@code events.json}: the {@link Replay} pipeline on event time, with the case's suppression and
 * an in-memory sink. Load the pack once and reuse the runner: compiling a pack takes seconds, a case
 * milliseconds.
 */
public final class FixtureRunner {

    private static final int SHOWN_DEAD_LETTERS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

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
        try {
            if (c.suppression() != null) {
                suppression = SuppressionConfig.load(c.suppression());
            }
            if (c.expected() != null) {
                expected = List.of(ConfigFiles.read(c.expected(), ExpectedAlert[].class));
            } else if (c.kind() == CaseKind.POSITIVE) {
                failures.add("- " + c.directory().resolve(FixtureCase.EXPECTED) + " does not exist (list the alerts the case must raise)");
            }
        } catch (ConfigException e) {
            return new CaseResult(c, List.of("- " + e.getMessage()), List.of());
        }
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
            }
        } catch (IOException e) {
            return new CaseResult(c, List.of("- cannot replay " + c.events() + ": " + e.getMessage()), sink.alerts());
        }
        failures.addAll(Expectations.differences(c, expected, sink.alerts()));
        return new CaseResult(c, failures, sink.alerts());
    }

    /**
     * The first {@value #SHOWN_DEAD_LETTERS} dead letters as {@code file:line: reason} (a byte offset where there is no line); the file is deleted
     * when all are shown, else kept and named for the rest.
     */
    private static List<String> deadLetterLines(Path deadLetter) throws IOException {
        List<String> letters = Files.readAllLines(deadLetter);
        List<String> lines = new ArrayList<>();
        for (String letter : letters.subList(0, Math.min(SHOWN_DEAD_LETTERS, letters.size()))) {
            JsonNode node = JSON.readTree(letter);
            String where = node.has("line") ? ":" + node.get("line").asLong()
                    : node.has("offset") ? " (byte offset " + node.get("offset").asLong() + ")" : "";
            lines.add("    " + node.path("file").asText() + where + ": " + node.path("reason").asText());
        }
        if (letters.size() > SHOWN_DEAD_LETTERS) {
            lines.add("    ... and " + (letters.size() - SHOWN_DEAD_LETTERS) + " more in " + deadLetter);
        } else {
            Files.delete(deadLetter);
        }
        return lines;
    }
}

package io.trailwatch.ruletest;

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

    private final RulePack pack;
    private final Path deadLetterDir;

    /**
     * @param pack          the rules under test
     * @param deadLetterDir where records a case's events.json could not decode are written, one file per case
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
                failures.add("- " + c.events() + ": " + stats.badRecords() + " record(s) could not be decoded (reasons in "
                        + deadLetter + "); fix the records, a fixture must replay cleanly");
            }
        } catch (IOException e) {
            return new CaseResult(c, List.of("- cannot replay " + c.events() + ": " + e.getMessage()), sink.alerts());
        }
        failures.addAll(Expectations.differences(c, expected, sink.alerts()));
        return new CaseResult(c, failures, sink.alerts());
    }
}

package io.trailwatch.cli;

import io.trailwatch.engine.RuleLoadException;
import io.trailwatch.engine.RulePack;
import io.trailwatch.engine.RuleProblem;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Loads a rule pack for commands that need a working one: any problem is a usage error, one line each. */
final class RuleErrors {

    private RuleErrors() {}

    static RulePack load(Path dir) throws UsageException {
        try {
            return RulePack.load(dir);
        } catch (RuleLoadException e) {
            throw new UsageException(e.problems().stream().map(RuleProblem::toString)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
    }
}

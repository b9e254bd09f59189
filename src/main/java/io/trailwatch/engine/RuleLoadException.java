package io.trailwatch.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rule pack could not be loaded; carries every problem found, not only the first. */
public final class RuleLoadException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    public RuleLoadException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in rules:\n" + problems.stream()
                .map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The problems in file order, each saying where and what. */
    public List<RuleProblem> problems() {
        return problems;
    }
}

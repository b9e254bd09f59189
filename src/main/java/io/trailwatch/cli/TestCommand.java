package io.trailwatch.cli;

import io.trailwatch.engine.RuleLoadException;
import io.trailwatch.engine.RulePack;
import io.trailwatch.engine.RuleProblem;
import io.trailwatch.ruletest.CaseResult;
import io.trailwatch.ruletest.FixtureCase;
import io.trailwatch.ruletest.FixtureCatalog;
import io.trailwatch.ruletest.FixtureRunner;
import io.trailwatch.ruletest.FixtureTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code trailwatch test [RULES_DIR] [TESTDATA_DIR]}: loads the pack once, checks the fixture catalog, runs
 * every fixture case through the replay pipeline on event time and prints {@code PASS}/{@code FAIL} per
 * case with a diff under each failure. Exits 1 when the rules do not load, the catalog is incomplete or
 * any case fails.
 */
final class TestCommand implements Command {

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String summary() {
        return "run the rules' fixture cases (testdata/epl/...); a line per case, a diff per failure";
    }

    @Override
    public String usage() {
        return "[options] [RULES_DIR] [TESTDATA_DIR]   (defaults: ./epl and ./testdata)";
    }

    @Override
    public int maxArguments() {
        return 2;
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder("r").longOpt("rule").hasArg().argName("ID")
                        .desc("run only the cases of rule ID (skips the catalog check)").build())
                .addOption(Option.builder().longOpt("case").hasArg().argName("NAME")
                        .desc("run only the cases named NAME (the case folder), with --rule or across rules;"
                                + " prints every alert each raises").build());
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException, IOException, InterruptedException {
        List<String> args = line.getArgList();
        Path rulesDir = RulesArgument.resolve(args);
        Path testdata = Path.of(args.size() > 1 ? args.get(1) : "testdata");
        if (!Files.isDirectory(testdata)) {
            throw new UsageException(testdata + " is not a directory (give the folder holding the fixtures, e.g. testdata/)");
        }
        RulePack pack;
        try {
            pack = RulePack.load(rulesDir);
        } catch (RuleLoadException e) {
            e.problems().stream().map(RuleProblem::toString).forEach(terminal.out()::println);
            terminal.err().println("rules in " + rulesDir + " do not load (" + e.problems().size()
                    + " problem(s)); no case was run (trailwatch validate shows the same problems)");
            return ExitCode.FAILURES;
        }
        FixtureTree tree = FixtureTree.scan(FixtureTree.rootFor(testdata, rulesDir));
        String only = line.getOptionValue("rule");
        String caseName = line.getOptionValue("case");
        List<String> catalog = only == null && caseName == null ? FixtureCatalog.problems(pack, tree) : List.of();
        catalog.forEach(p -> terminal.out().println("CATALOG " + p));
        List<FixtureCase> cases = only == null ? tree.cases() : tree.casesOf(only);
        if (caseName != null) {
            List<FixtureCase> named = cases.stream().filter(c -> c.name().equals(caseName)).toList();
            if (named.isEmpty()) {
                throw new UsageException("--case: no case named '" + caseName + "'" + (only == null ? "" : " of rule '" + only + "'")
                        + " under " + tree.root() + " (a case is the folder holding events.json)");
            }
            cases = named;
        }
        if (only != null && cases.isEmpty()) {
            throw new UsageException("--rule: no fixture case of rule '" + only + "' under " + tree.root() + " (rules with cases: "
                    + String.join(", ", tree.cases().stream().map(FixtureCase::ruleId).distinct().sorted().toList()) + ")");
        }
        Path deadLetters = Files.createTempDirectory("trailwatch-test");
        int exit = runCases(new FixtureRunner(pack, deadLetters), cases, catalog.size(), caseName != null, terminal);
        try (Stream<Path> left = Files.list(deadLetters)) {
            if (left.findAny().isEmpty()) {
                Files.delete(deadLetters);
            }
        }
        return exit;
    }

    private static int runCases(FixtureRunner runner, List<FixtureCase> cases, int catalogProblems, boolean showAlerts,
                                Terminal terminal) throws InterruptedException {
        int failed = 0;
        for (FixtureCase c : cases) {
            CaseResult result = runner.run(c);
            terminal.out().println((result.passed() ? "PASS " : "FAIL ") + c.label());
            if (!result.passed()) {
                failed++;
                result.failures().forEach(f -> terminal.out().println("     " + f));
            } else if (showAlerts) {
                result.alerts().forEach(a -> terminal.out().println("     raised " + a.ruleId() + " " + a.severity().label()
                        + (a.suppressed() ? " suppressed" : "") + " | " + a.summary()));
            }
        }
        terminal.err().println(cases.size() + " case(s): " + (cases.size() - failed) + " passed, " + failed + " failed"
                + (catalogProblems == 0 ? "" : "; " + catalogProblems + " catalog problem(s)"));
        return failed == 0 && catalogProblems == 0 ? ExitCode.OK : ExitCode.FAILURES;
    }
}

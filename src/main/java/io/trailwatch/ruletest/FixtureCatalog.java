package io.trailwatch.ruletest;

import io.trailwatch.alert.RuleInfo;
import io.trailwatch.engine.RulePack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks that a rule pack and its fixtures match: every rule has at least one positive and one negative
 * case, in the folder mirroring its module; every rule folder names a rule of the pack; every case has
 * its files; nothing stray lies around. Each problem is one line saying what to do.
 */
public final class FixtureCatalog {

    private FixtureCatalog() {}

    /** The problems found, in rule order then path order; empty when the catalog is complete. */
    public static List<String> problems(RulePack pack, FixtureTree tree) {
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> rules = pack.rules().stream().collect(Collectors.toMap(RuleInfo::id, Function.identity()));
        for (RuleInfo rule : pack.rules()) {
            String category = categoryOf(pack.directory(), rule);
            Path expectedFolder = tree.root().resolve(category.isEmpty() ? rule.id() : category + "/" + rule.id());
            for (CaseKind kind : CaseKind.values()) {
                boolean covered = tree.casesOf(rule.id()).stream()
                        .anyMatch(c -> c.kind() == kind && c.category().equals(category));
                if (!covered) {
                    problems.add("rule " + rule.id() + " (" + rule.source() + ") has no " + kind.folder()
                            + " case: add a folder " + expectedFolder.resolve(kind.folder()) + "/<case-name>/ with "
                            + FixtureCase.EVENTS + (kind == CaseKind.POSITIVE ? " and " + FixtureCase.EXPECTED : ""));
                }
            }
        }
        for (FixtureTree.RuleFolder folder : tree.ruleFolders()) {
            RuleInfo rule = rules.get(folder.ruleId());
            if (rule == null) {
                problems.add(folder.directory() + ": orphan fixture folder, the pack has no rule '" + folder.ruleId()
                        + "' (rename it to a rule id or delete it)");
            } else if (!categoryOf(pack.directory(), rule).equals(folder.category())) {
                problems.add(folder.directory() + ": fixtures of " + rule.id() + " must mirror its module " + rule.source()
                        + " (move them to the category folder '" + categoryOf(pack.directory(), rule) + "')");
            }
        }
        for (FixtureCase c : tree.cases()) {
            if (!Files.isRegularFile(c.events())) {
                problems.add(c.directory() + ": case has no " + FixtureCase.EVENTS + " (add the CloudTrail records it replays)");
            }
            if (c.kind() == CaseKind.POSITIVE && c.expected() == null) {
                problems.add(c.directory() + ": positive case has no " + FixtureCase.EXPECTED
                        + " (list the alerts it must raise: [{\"ruleId\": \"" + c.ruleId() + "\", \"count\": 1}])");
            }
        }
        for (Path stray : tree.strays()) {
            problems.add(stray + ": stray fixture " + (Files.isDirectory(stray) ? "folder" : "file")
                    + " (cases live in <category>/<rule-id>/positive|negative/<case>/; move or delete it)");
        }
        return problems;
    }

    /**
     * The rule's folder under the rules directory {@code rules}, from its source {@code epl/iam/x.epl}:
     * {@code iam}. A rule directly in the rules directory has the empty category.
     */
    static String categoryOf(Path rules, RuleInfo rule) {
        Path parent = rules.relativize(Path.of(rule.source())).getParent();
        return parent == null ? "" : parent.toString().replace('\\', '/');
    }
}

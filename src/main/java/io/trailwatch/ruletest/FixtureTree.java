package io.trailwatch.ruletest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixture cases found under a fixtures root, which mirrors the rules directory: a <em>rule folder</em>
 * is a folder holding {@code positive/} or {@code negative/}; its name is the rule id and the path above it
 * the category. Everything that fits nowhere (an empty category folder, a file beside the case folders, a
 * folder in a rule folder that is neither kind) is a stray, reported by {@link FixtureCatalog}.
 * Notes ({@code *.md}) may sit anywhere.
 */
public final class FixtureTree {

    /** A folder of cases for one rule. */
    public record RuleFolder(String category, String ruleId, Path directory) {}

    private final Path root;
    private final List<FixtureCase> cases = new ArrayList<>();
    private final List<RuleFolder> ruleFolders = new ArrayList<>();
    private final List<Path> strays = new ArrayList<>();

    private FixtureTree(Path root) {
        this.root = root;
    }

    /**
     * Scans {@code root}; an absent root is an empty tree (the catalog then reports every rule as uncovered).
     *
     * @throws IOException when a folder cannot be listed
     */
    public static FixtureTree scan(Path root) throws IOException {
        FixtureTree tree = new FixtureTree(root);
        if (Files.isDirectory(root)) {
            tree.scanCategory(root, "");
        }
        return tree;
    }

    /**
     * Where the fixtures of {@code rulesDir} are under {@code testdata}: {@code testdata/<rules dir name>}
     * ({@code testdata/epl} for {@code epl/}) when it exists, else {@code testdata} itself.
     */
    public static Path rootFor(Path testdata, Path rulesDir) {
        Path name = rulesDir.toAbsolutePath().normalize().getFileName();
        Path mirrored = name == null ? testdata : testdata.resolve(name.toString());
        return Files.isDirectory(mirrored) ? mirrored : testdata;
    }

    public Path root() {
        return root;
    }

    /** Every case, in path order. */
    public List<FixtureCase> cases() {
        return List.copyOf(cases);
    }

    /** The cases of one rule, in path order. */
    public List<FixtureCase> casesOf(String ruleId) {
        return cases.stream().filter(c -> c.ruleId().equals(ruleId)).toList();
    }

    public List<RuleFolder> ruleFolders() {
        return List.copyOf(ruleFolders);
    }

    /** Files and folders that are neither a category, a rule folder, a kind folder nor a case. */
    public List<Path> strays() {
        return List.copyOf(strays);
    }

    private void scanCategory(Path dir, String category) throws IOException {
        boolean hasSubfolder = false;
        for (Path child : children(dir)) {
            if (Files.isDirectory(child)) {
                hasSubfolder = true;
                String name = child.getFileName().toString();
                if (isRuleFolder(child)) {
                    scanRule(child, category);
                } else {
                    scanCategory(child, category.isEmpty() ? name : category + "/" + name);
                }
            } else if (!isNote(child)) {
                strays.add(child);
            }
        }
        if (!hasSubfolder && !dir.equals(root)) {
            strays.add(dir);
        }
    }

    private void scanRule(Path dir, String category) throws IOException {
        String ruleId = dir.getFileName().toString();
        ruleFolders.add(new RuleFolder(category, ruleId, dir));
        for (Path child : children(dir)) {
            CaseKind kind = kindOf(child);
            if (kind == null) {
                if (!isNote(child)) {
                    strays.add(child);
                }
                continue;
            }
            for (Path caseDir : children(child)) {
                if (Files.isDirectory(caseDir)) {
                    cases.add(new FixtureCase(category, ruleId, kind, caseDir.getFileName().toString(), caseDir));
                } else if (!isNote(caseDir)) {
                    strays.add(caseDir);
                }
            }
        }
    }

    private static boolean isRuleFolder(Path dir) {
        for (CaseKind kind : CaseKind.values()) {
            if (Files.isDirectory(dir.resolve(kind.folder()))) {
                return true;
            }
        }
        return false;
    }

    private static CaseKind kindOf(Path child) {
        if (!Files.isDirectory(child)) {
            return null;
        }
        for (CaseKind kind : CaseKind.values()) {
            if (kind.folder().equals(child.getFileName().toString())) {
                return kind;
            }
        }
        return null;
    }

    private static boolean isNote(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().endsWith(".md");
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }
}

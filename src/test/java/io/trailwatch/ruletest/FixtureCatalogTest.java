package io.trailwatch.ruletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureCatalogTest {

    @Test
    void everyBundledRuleHasPositiveAndNegativeCasesAndNoFixtureFolderIsOrphaned() throws Exception {
        assertEquals(List.of(), FixtureCatalog.problems(BundledPack.pack(), FixtureTree.scan(BundledPack.FIXTURES)));
    }

    @Test
    void everyBundledRuleHasAtLeastOneCaseOfEachKind() throws Exception {
        FixtureTree tree = FixtureTree.scan(BundledPack.FIXTURES);
        assertFalse(BundledPack.pack().rules().isEmpty(), "the loop below checks every rule, so there must be some");
        BundledPack.pack().rules().forEach(rule -> {
            for (CaseKind kind : CaseKind.values()) {
                assertTrue(tree.casesOf(rule.id()).stream().anyMatch(c -> c.kind() == kind), rule.id() + " has no " + kind.folder());
            }
        });
    }

    @Test
    void missingKindsOrphansMisplacedFoldersStraysAndIncompleteCasesAreEachReported(@TempDir Path root) throws Exception {
        Path user = root.resolve("iam/iam-user-create-use-delete/positive/only-events");
        Files.createDirectories(user);
        Files.writeString(user.resolve(FixtureCase.EVENTS), "[]");
        Files.createDirectories(root.resolve("iam/retired-rule/negative/old-case"));
        Files.createDirectories(root.resolve("destruction/cloudtrail-logging-impaired/negative/misplaced"));
        Files.createDirectories(root.resolve("empty-category"));
        Files.writeString(root.resolve("iam/iam-user-create-use-delete/notes.txt"), "stray");

        List<String> problems = FixtureCatalog.problems(BundledPack.pack(), FixtureTree.scan(root));

        assertHas(problems, "rule iam-user-create-use-delete (epl/iam/iam-user-create-use-delete.epl) has no negative case");
        assertHas(problems, "rule bulk-destruction (epl/destruction/bulk-destruction.epl) has no positive case");
        assertHas(problems, "positive case has no expected.json");
        assertHas(problems, "orphan fixture folder, the pack has no rule 'retired-rule'");
        assertHas(problems, "fixtures of cloudtrail-logging-impaired must mirror its module epl/defense-evasion/cloudtrail-logging-impaired.epl");
        assertHas(problems, "old-case: case has no events.json");
        assertHas(problems, "empty-category: stray fixture folder");
        assertHas(problems, "notes.txt: stray fixture file");
    }

    private static void assertHas(List<String> problems, String part) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(part)), () -> "no problem contains '" + part + "' in:\n"
                + String.join("\n", problems));
    }
}

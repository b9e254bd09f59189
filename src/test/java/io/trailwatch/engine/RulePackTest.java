package io.trailwatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.alert.RuleInfo;
import io.trailwatch.alert.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackTest {

    private static final String HEADER = "@Description('d')\n@Rule(title='t', severity='low', techniques={'T1485'}, window='1 minute')\n";
    private static final String BODY = "insert into Detection select current_evaluation_context().statementName as ruleId from CloudTrail;\n";

    @TempDir
    static Path temp;
    private static List<RuleProblem> problems;

    /** One broken pack holding every kind of problem: loading it once keeps the number of compiles low. */
    @BeforeAll
    static void loadBrokenPack() throws IOException {
        Path rules = temp.resolve("rules");
        write(rules.resolve("a/syntax-error.epl"),
                "// a helper first, so the broken statement is not the first in the file\n"
                        + "create schema SyntaxHelper as (name string);\n"
                        + "\n"
                        + "@Name('syntax-error')\n"
                        + HEADER
                        + "insert into Detection\n"
                        + "select current_evaluation_context().statementName as ruleId\n"
                        + "fromm CloudTrail;\n");
        write(rules.resolve("a/syntax-mid.epl"),
                "create schema MidHelper as (name string);\n"
                        + "\n"
                        + "@Name('syntax-mid')\n" + HEADER
                        + "insert into Detection\n"
                        + "select current_evaluation_context().statementName as ruleId\n"
                        + "from CloudTrail(eventName = = 'x')\n"
                        + "where success;\n");
        write(rules.resolve("b/bad-severity.epl"),
                "@Name('bad-severity')\n"
                        + "@Description('d')\n"
                        + "@Rule(title='t',\n"
                        + "      severity='urgent',\n"
                        + "      techniques={'T1485', 'TA0040'}, window='1 minute')\n"
                        + BODY);
        write(rules.resolve("a/dup-rule.epl"), "@Name('dup-rule')\n" + HEADER + BODY);
        write(rules.resolve("b/dup-rule.epl"), "\n@Name('dup-rule')\n" + HEADER + BODY);
        write(rules.resolve("b/name-mismatch.epl"), HEADER + "@Name('other-name')\n" + BODY);
        write(rules.resolve("b/helper-only.epl"), "create schema OnlyHelper as (name string);\n");
        write(rules.resolve("b/not-into-detection.epl"), "@Name('not-into-detection')\n" + HEADER + "select * from CloudTrail;\n");
        write(rules.resolve("b/valid.epl"), "@Name('valid')\n" + HEADER + BODY);
        write(rules.resolve("b/unbounded-pattern.epl"),
                "// every start waits forever: 'every a -> b' in a comment is not a pattern\n"
                        + "@Name('unbounded-pattern')\n" + HEADER
                        + "insert into Detection\n"
                        + "select current_evaluation_context().statementName as ruleId\n"
                        + "from pattern [\n"
                        + "    every c=CloudTrail(eventName = 'CreateUser') -> d=CloudTrail(eventName = 'DeleteUser')\n"
                        + "];\n");
        write(rules.resolve("b/bounded-pattern.epl"),
                "@Name('bounded-pattern')\n" + HEADER
                        + "insert into Detection\n"
                        + "select current_evaluation_context().statementName as ruleId\n"
                        + "from pattern [every c=CloudTrail(eventName = 'CreateUser') -> d=CloudTrail(eventName = 'DeleteUser')"
                        + " where timer:within(1 minute)];\n");
        write(rules.resolve("b/unknown-field.epl"),
                "// a header comment\n"
                        + "\n"
                        + "// and one above the statement\n"
                        + "@Name('unknown-field')\n" + HEADER
                        + "insert into Detection\n"
                        + "select current_evaluation_context().statementName as ruleId,\n"
                        + "       'x' || nosuchfield as summary\n"
                        + "from CloudTrail;\n");
        write(rules.resolve("b/name-in-comment.epl"),
                "// the rule reads missingfield, which a comment above names too\n"
                        + "@Name('name-in-comment')\n" + HEADER
                        + "insert into Detection\n"
                        + "select current_evaluation_context().statementName as ruleId,\n"
                        + "       missingfield as summary\n"
                        + "from CloudTrail;\n");
        write(rules.resolve("b/window-too-short.epl"),
                "@Name('window-too-short')\n" + HEADER
                        + "insert into Detection\n"
                        + "select current_evaluation_context().statementName as ruleId, {c, d} as evidence\n"
                        + "from pattern [every c=CloudTrail(eventName = 'CreateUser')\n"
                        + "    -> d=CloudTrail(eventName = 'DeleteUser') where timer:within(2 hours)];\n"
                        + "// a commented-out timer:within(48 hours) does not count\n");
        write(rules.resolve("b/single-evidence.epl"),
                "@Name('single-evidence')\n" + HEADER
                        + "insert into Detection\n"
                        + "select current_evaluation_context().statementName as ruleId, k as evidence\n"
                        + "from CloudTrail as k;\n");
        write(rules.resolve("c/base-without-lookback.epl"),
                "module test.nolookback;\n"
                        + "\n"
                        + "@public create window KeptKeys#time(3 hours) as CloudTrail;\n");
        write(rules.resolve("c/base-short-lookback.epl"),
                "module test.shortlookback;\n"
                        + "@Lookback('1 hour')\n"
                        + "@public create window KeptLonger#time(2 hours) as CloudTrail;\n");
        write(rules.resolve("c/uses-bases.epl"),
                "uses test.nolookback;\nuses test.shortlookback;\n@Name('uses-bases')\n" + HEADER + BODY);
        write(rules.resolve("c/rule-with-lookback.epl"), "@Name('rule-with-lookback')\n@Lookback('1 hour')\n" + HEADER + BODY);
        write(rules.resolve("b/misspelt-attribute.epl"),
                "@Name('misspelt-attribute')\n"
                        + "@Description('d')\n"
                        + "@Rule(title='t', severity='low', window='1 minute',\n"
                        + "      technique={'T1485'})\n"
                        + BODY);
        write(rules.resolve("b/context-outlives-window.epl"),
                "create context Episode partition by principal from CloudTrail\n"
                        + "    terminated after 30 minutes;\n"
                        + "@Name('context-outlives-window')\n" + HEADER
                        + "context Episode insert into Detection\n"
                        + "select current_evaluation_context().statementName as ruleId from CloudTrail output snapshot when terminated;\n");
        problems = assertThrows(RuleLoadException.class, () -> RulePack.load(rules)).problems();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static RuleProblem problem(String file, String messagePart) {
        return problems.stream()
                .filter(p -> p.file().equals(temp.resolve(file)) && p.message().contains(messagePart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem in " + file + " about '" + messagePart + "' among " + problems));
    }

    @Test
    void syntaxErrorIsReportedAtItsFileLineNotTheStatementLine() {
        RuleProblem p = problem("rules/a/syntax-error.epl", "fromm");
        assertEquals(9, p.line(), p.toString());
        assertTrue(p.toString().startsWith(temp.resolve("rules/a/syntax-error.epl") + ":9: "), p.toString());
    }

    @Test
    void syntaxErrorWithALineInsideTheStatementIsMovedToTheFileLine() {
        RuleProblem p = problem("rules/a/syntax-mid.epl", "near '='");
        assertEquals(8, p.line(), p.toString());
        assertTrue(p.message().contains("at column"), p.message());
    }

    @Test
    void compileErrorIsReportedOnTheLineOfTheNameItQuotesNotOnTheCommentAbove() {
        RuleProblem p = problem("rules/b/unknown-field.epl", "Property named 'nosuchfield'");
        assertEquals(9, p.line(), p.toString());
    }

    @Test
    void compileErrorIsNotPlacedOnACommentOrStringThatMentionsTheQuotedName() {
        RuleProblem p = problem("rules/b/name-in-comment.epl", "Property named 'missingfield'");
        assertEquals(7, p.line(), p.toString());
    }

    @Test
    void windowShorterThanAPatternTimerIsReportedOnTheWindowLineNamingTheTimer() {
        RuleProblem p = problem("rules/b/window-too-short.epl", "window '1 minute' is shorter than timer:within(2 hours) on line 7");
        assertEquals(3, p.line(), p.toString());
        assertTrue(problems.stream().noneMatch(q -> q.message().contains("48 hours")), problems.toString());
    }

    @Test
    void aContextThatEndsAfterTheWindowIsReportedLikeATimer() {
        RuleProblem p = problem("rules/b/context-outlives-window.epl",
                "window '1 minute' is shorter than terminated after 30 minutes on line 2");
        assertEquals(5, p.line(), p.toString());
    }

    @Test
    void aMisspeltRuleAttributeIsReportedOnItsLineWithTheAttributesThereAre() {
        List<RuleProblem> misspelt = problems.stream()
                .filter(p -> p.file().equals(temp.resolve("rules/b/misspelt-attribute.epl"))).toList();
        assertEquals(1, misspelt.size(), misspelt.toString());
        assertTrue(misspelt.get(0).message().endsWith("(@Rule attributes: falsePositives, maturity, references, severity,"
                + " techniques, title, window)"), misspelt.get(0).message());
        assertTrue(List.of(3, 4).contains(misspelt.get(0).line()), "on the @Rule or the misspelt attribute: " + misspelt.get(0));
    }

    @Test
    void singleEventAsEvidenceGetsTheFixNotOnlyEspersTypeError() {
        RuleProblem p = problem("rules/b/single-evidence.epl", "column 'evidence'");
        assertEquals(5, p.line(), "not line 1, whose @Name('single-evidence') holds the word: " + p);
        assertTrue(p.message().endsWith("write {e} as evidence for one event, {a, b} for several)"), p.message());
    }

    @Test
    void problemsNameTheFileUnderTheDirectoryAsGivenSoItCanBeOpened() {
        assertTrue(problems.stream().allMatch(p -> p.file().startsWith(temp.resolve("rules"))), problems.toString());
    }

    @Test
    void badSeverityIsReportedOnTheSeverityLine() {
        RuleProblem p = problem("rules/b/bad-severity.epl", "unknown severity 'urgent'");
        assertEquals(4, p.line());
    }

    @Test
    void techniqueThatIsNotAnAttackIdIsReported() {
        assertEquals(5, problem("rules/b/bad-severity.epl", "technique 'TA0040'").line());
    }

    @Test
    void duplicateRuleIdIsReportedOnTheSecondFile() {
        RuleProblem p = problem("rules/b/dup-rule.epl", "duplicate rule id 'dup-rule'");
        assertEquals(2, p.line());
        assertTrue(p.message().contains("rules/a/dup-rule.epl"), p.message());
    }

    @Test
    void ruleIdMustMatchTheFileName() {
        RuleProblem p = problem("rules/b/name-mismatch.epl", "rule id 'other-name' does not match the file name");
        assertEquals(3, p.line());
        assertTrue(p.message().contains("@Name('name-mismatch')"), p.message());
    }

    @Test
    void moduleWithoutAlertingStatementIsReported() {
        assertEquals(1, problem("rules/b/helper-only.epl", "no alerting statement").line());
    }

    @Test
    void alertingStatementMustInsertIntoDetection() {
        assertEquals(3, problem("rules/b/not-into-detection.epl", "must 'insert into Detection").line());
    }

    @Test
    void aPatternWhoseEveryNeverEndsIsReportedOnItsLineAndABoundedOneIsNot() {
        RuleProblem p = problem("rules/b/unbounded-pattern.epl", "'every ... -> ...' pattern with nothing that ends its wait");
        assertEquals(8, p.line(), p.toString());
        assertTrue(problems.stream().noneMatch(q -> q.file().equals(temp.resolve("rules/b/bounded-pattern.epl"))), problems.toString());
    }

    @Test
    void aBaseModuleThatKeepsStateWithoutALookbackIsToldWhichOneToDeclare() {
        RuleProblem p = problem("rules/c/base-without-lookback.epl", "keeps state for #time(3 hours) but declares no @Lookback");
        assertEquals(3, p.line(), p.toString());
        assertTrue(p.message().contains("add @Lookback('3 hours')"), p.message());
    }

    @Test
    void aLookbackShorterThanTheStateItsModuleKeepsIsReportedOnItsLine() {
        RuleProblem p = problem("rules/c/base-short-lookback.epl", "@Lookback is shorter than #time(2 hours) on line 3");
        assertEquals(2, p.line(), p.toString());
    }

    @Test
    void aRuleModuleMayNotDeclareALookback() {
        assertEquals(2, problem("rules/c/rule-with-lookback.epl", "@Lookback is for a module that others 'uses'").line());
    }

    @Test
    void everyProblemIsCollectedAndValidModulesAddNone() {
        assertEquals(18, problems.size(), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.file().equals(temp.resolve("rules/b/valid.epl"))), problems.toString());
    }

    @Test
    void missingDirectoryIsAProblemNotACrash() {
        RuleLoadException e = assertThrows(RuleLoadException.class, () -> RulePack.load(temp.resolve("nowhere")));
        assertTrue(e.problems().get(0).message().contains("does not exist"), e.getMessage());
        assertEquals(temp.resolve("nowhere") + ": ", e.problems().get(0).toString().substring(0, temp.resolve("nowhere").toString().length() + 2),
                "a problem of the whole directory has no line");
    }

    @Test
    void bundledPackLoadsWithItsMetadata() throws RuleLoadException {
        RulePack pack = BundledRules.pack();

        assertEquals(List.of("ami-deregistration", "bulk-destruction", "cloudtrail-logging-impaired", "ecs-service-delete-burst",
                "iam-role-create-use-delete", "iam-user-create-use-delete", "instance-create-terminate", "kms-key-deletion",
                "s3-lifecycle-expiry"),
                pack.rules().stream().map(RuleInfo::id).toList());
        assertEquals(Duration.ofHours(24), pack.longestWindow());
        assertEquals(Duration.ofHours(36), pack.longestLookback(), "the origin module keeps GetSessionToken keys 36 hours");
        assertEquals(new RuleWindows(Duration.ofMinutes(5), Duration.ofHours(36), "trailwatch.origin"),
                pack.windows("bulk-destruction"));
        assertEquals(RuleWindows.of(Duration.ofHours(24)), pack.windows("iam-user-create-use-delete"));
        RuleInfo iam = pack.rules().get(5);
        assertEquals(Severity.HIGH, iam.severity());
        assertEquals("epl/iam/iam-user-create-use-delete.epl", iam.source());
        assertTrue(iam.techniques().contains("T1136.003"), iam.techniques().toString());
        assertEquals("test", iam.maturity());
    }

    @Test
    void aRuleReachesAsFarBackAsTheModulesItUsesDirectlyOrThroughAnother() throws Exception {
        Path rules = temp.resolve("chained");
        write(rules.resolve("a.epl"), "module test.a;\n@Lookback('3 hours')\n"
                + "@public create window LongKept#time(3 hours) as CloudTrail;\n");
        write(rules.resolve("b.epl"), "module test.b;\nuses test.a;\n@Lookback('1 hour')\n"
                + "@public create window ShortKept#time(1 hour) as CloudTrail;\n");
        write(rules.resolve("r-chained.epl"), "uses test.b;\n@Name('r-chained')\n" + HEADER + BODY);
        write(rules.resolve("r-own.epl"), "@Name('r-own')\n" + HEADER.replace("'1 minute'", "'2 hours'") + BODY);

        RulePack pack = RulePack.load(rules);

        assertEquals(new RuleWindows(Duration.ofMinutes(1), Duration.ofHours(3), "test.a"), pack.windows("r-chained"));
        assertEquals("window 1 minute, lookback 3 hours (test.a)", pack.windows("r-chained").describe());
        assertEquals("window 2 hours", pack.windows("r-own").describe());
        assertEquals(Duration.ofHours(2), pack.longestWindow(), "a replay's end runs the rules' own windows");
        assertEquals(Duration.ofHours(3), pack.longestLookback(), "a restart re-reads what test.a keeps");
    }
}

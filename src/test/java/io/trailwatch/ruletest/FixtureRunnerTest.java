package io.trailwatch.ruletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a case fails: each kind of mismatch gives a diff line naming what was expected and what was raised. */
class FixtureRunnerTest {

    private static final Path STOP_LOGGING = BundledPack.FIXTURES
            .resolve("defense-evasion/cloudtrail-logging-impaired/positive/stratus-stop-logging/events.json");
    private static final String RULE = "cloudtrail-logging-impaired";

    @TempDir
    Path dir;

    private CaseResult run(CaseKind kind, String expectedJson) throws Exception {
        Path caseDir = Files.createDirectories(dir.resolve("case"));
        Files.copy(STOP_LOGGING, caseDir.resolve(FixtureCase.EVENTS), StandardCopyOption.REPLACE_EXISTING);
        if (expectedJson != null) {
            Files.writeString(caseDir.resolve(FixtureCase.EXPECTED), expectedJson);
        }
        return new FixtureRunner(BundledPack.pack(), dir).run(new FixtureCase("defense-evasion", RULE, kind, "case", caseDir));
    }

    /** A negative case of {@code RULE} named {@code name} replaying {@code events}. */
    private CaseResult runNegative(String name, String events) throws Exception {
        Path caseDir = Files.createDirectories(dir.resolve(name));
        Files.writeString(caseDir.resolve(FixtureCase.EVENTS), events);
        return new FixtureRunner(BundledPack.pack(), dir).run(new FixtureCase("defense-evasion", RULE, CaseKind.NEGATIVE, name, caseDir));
    }

    @Test
    void aWrongSeverityIsADiffShowingTheRaisedAlert() throws Exception {
        CaseResult result = run(CaseKind.POSITIVE, "[{\"ruleId\": \"" + RULE + "\", \"count\": 1, \"severity\": \"low\"}]");

        assertFalse(result.passed());
        assertEquals("- expected 1 x " + RULE + " severity=low, raised 0", result.failures().get(0));
        assertEquals("  the closest alert of " + RULE + " differs in severity: expected low, raised high", result.failures().get(1));
        assertTrue(result.failures().get(2).startsWith("+ unexpected " + RULE + " principal=arn:aws:iam::143434273843:user/christophe"),
                result.failures().get(2));
        assertEquals(1, result.alerts().size());
    }

    @Test
    void theClosestAlertNamesEveryFieldThatDiffers() throws Exception {
        CaseResult result = run(CaseKind.POSITIVE, "[{\"ruleId\": \"" + RULE + "\", \"count\": 1, \"severity\": \"high\","
                + " \"principal\": \"arn:aws:iam::143434273843:user/bob\", \"summaryContains\": \"delete trail\"}]");

        assertEquals("  the closest alert of " + RULE + " differs in principal: expected arn:aws:iam::143434273843:user/bob,"
                + " raised arn:aws:iam::143434273843:user/christophe; summary: does not contain 'delete trail'", result.failures().get(1));
    }

    @Test
    void anEntryNamingARuleThePackDoesNotHaveSaysSoInsteadOfRaisedZero() throws Exception {
        CaseResult result = run(CaseKind.POSITIVE, "[{\"ruleId\": \"cloudtrail-logging-impared\", \"count\": 1}]");

        assertEquals("- " + dir.resolve("case").resolve(FixtureCase.EXPECTED) + ": entry 1 names rule 'cloudtrail-logging-impared',"
                + " which the pack does not have (this case's rule is '" + RULE + "')", result.failures().get(0));
        assertTrue(result.failures().get(1).startsWith("  raised " + RULE), result.failures().toString());
        assertEquals(2, result.failures().size(), result.failures().toString());
    }

    @Test
    void aCaseWithoutRecordsFailsSoANegativeCannotPassWithoutTestingAnything() throws Exception {
        CaseResult result = runNegative("empty", "[]");

        assertFalse(result.passed());
        assertTrue(result.failures().get(0).contains("holds no CloudTrail record"), result.failures().toString());
    }

    @Test
    void theSummaryIsCheckedByTheTextItMustContain() throws Exception {
        CaseResult right = run(CaseKind.POSITIVE, "[{\"ruleId\": \"" + RULE + "\", \"count\": 1,"
                + " \"summaryContains\": \"stop logging of trail stratus-red-team-ct-stop-trail-buykxbqejv\"}]");
        CaseResult wrong = run(CaseKind.POSITIVE, "[{\"ruleId\": \"" + RULE + "\", \"count\": 1,"
                + " \"summaryContains\": \"delete trail\"}]");

        assertTrue(right.passed(), right.failures().toString());
        assertFalse(wrong.passed());
        assertEquals("- expected 1 x " + RULE + " summaryContains='delete trail', raised 0", wrong.failures().get(0));
        assertTrue(wrong.failures().stream().anyMatch(f -> f.contains("| arn:aws:iam::143434273843:user/christophe stop logging")),
                "the diff shows the summary that was raised: " + wrong.failures());
    }

    @Test
    void anAlertInANegativeCaseFailsIt() throws Exception {
        CaseResult result = run(CaseKind.NEGATIVE, null);

        assertFalse(result.passed());
        assertTrue(result.failures().get(0).contains("a negative case may raise only suppressed alerts"), result.failures().get(0));
    }

    @Test
    void aPositiveCaseWithoutExpectedFileFails() throws Exception {
        CaseResult result = run(CaseKind.POSITIVE, null);

        assertTrue(result.failures().get(0).contains("expected.json does not exist: list the alerts the case must raise,"
                + " e.g. [{\"ruleId\": \"" + RULE + "\", \"count\": 1"), result.failures().get(0));
        assertEquals(2, result.failures().size(), "the missing file, then the alert raised to copy from: " + result.failures());
        assertTrue(result.failures().get(1).startsWith("  raised " + RULE), result.failures().get(1));
    }

    @Test
    void aMalformedExpectedFileIsReportedNotThrown() throws Exception {
        CaseResult result = run(CaseKind.POSITIVE, "[{\"ruleId\": \"" + RULE + "\"}]");

        assertFalse(result.passed());
        assertTrue(result.failures().get(0).contains("count"), result.failures().get(0));
    }

    @Test
    void undecodableRecordsFailTheCaseInsteadOfBeingDropped() throws Exception {
        CaseResult result = runNegative("bad", "[{\"eventName\": \"StopLogging\"}]");
        Path caseDir = dir.resolve("bad");

        assertEquals(List.of(), result.alerts());
        assertTrue(result.failures().get(0).contains("1 record(s) could not be decoded"), result.failures().get(0));
        assertTrue(result.failures().get(1).startsWith("    " + caseDir.resolve(FixtureCase.EVENTS)), result.failures().get(1));
        assertTrue(result.failures().get(1).contains("(byte offset 1): missing eventID; missing eventTime"), result.failures().get(1));
    }

    @Test
    void theReasonsOfUndecodableRecordsAreShownWithTheirLineSoNoFileNeedsOpening() throws Exception {
        CaseResult result = runNegative("malformed", "{\"eventID\": \"a\", \"eventName\": \"X\", \"eventTime\": \"2024-01-01T00:00:00Z\"}\n"
                + "{\"eventID\": oops}\n");
        Path caseDir = dir.resolve("malformed");

        assertEquals(2, result.failures().size(), result.failures().toString());
        assertTrue(result.failures().get(1).startsWith("    " + caseDir.resolve(FixtureCase.EVENTS) + ":2:18: malformed JSON: "),
                result.failures().get(1));
        assertTrue(result.failures().get(1).endsWith("(in the record starting at line 2)"), result.failures().get(1));
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.toString().endsWith(".dead-letter.jsonl")), "all shown, so no file is left");
        }
    }
}

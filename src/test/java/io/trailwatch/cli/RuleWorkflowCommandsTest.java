package io.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate / test / coverage on a one-rule copy of the pack (compiles stay short): a broken rule gives
 * {@code file:line:} errors from validate and fails test; a wrong expectation prints a diff.
 */
class RuleWorkflowCommandsTest {

    private static final String RULE = "defense-evasion/cloudtrail-logging-impaired";

    @TempDir
    Path dir;
    private Path rules;
    private Path testdata;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyOneRuleWithItsFixtures() throws IOException {
        rules = dir.resolve("epl");
        testdata = dir.resolve("testdata");
        Files.createDirectories(rules.resolve("defense-evasion"));
        Files.copy(Path.of("epl", RULE + ".epl"), rules.resolve(RULE + ".epl"));
        copyTree(Path.of("testdata/epl", RULE), testdata.resolve("epl").resolve(RULE));
    }

    private int run(String... args) {
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Main(Commands.all()).run(args, terminal);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBrokenRuleGivesFileLineErrorsFromValidateAndFailsTest() throws Exception {
        Path module = rules.resolve(RULE + ".epl");
        String text = Files.readString(module);
        Files.writeString(module, text.replace("techniques = {'T1562.008'}", "techniques = {'T1562.8'}"));
        int line = lineOf(Files.readString(module), "T1562.8");
        String expected = rules.resolve(RULE + ".epl") + ":" + line + ": @Rule technique 'T1562.8' is not an ATT&CK id";

        assertEquals(ExitCode.FAILURES, run("validate", rules.toString()));
        assertTrue(out().startsWith(expected), out());

        out.reset();
        assertEquals(ExitCode.FAILURES, run("test", rules.toString(), testdata.toString()));
        assertTrue(out().startsWith(expected), out());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no case was run"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void testPrintsALinePerCaseAndADiffUnderAFailureAndExitsNonZero() throws Exception {
        Path expected = testdata.resolve("epl").resolve(RULE).resolve("positive/stratus-stop-logging/expected.json");
        Files.writeString(expected, Files.readString(expected).replace("\"high\"", "\"critical\""));

        assertEquals(ExitCode.FAILURES, run("test", rules.toString(), testdata.toString()));

        String output = out();
        assertTrue(output.contains("PASS " + RULE + "/positive/stratus-delete-trail\n"), output);
        assertTrue(output.contains("FAIL " + RULE + "/positive/stratus-stop-logging\n"
                + "     - expected 1 x cloudtrail-logging-impaired principal=arn:aws:iam::143434273843:user/christophe"), output);
        assertTrue(output.contains("     + unexpected cloudtrail-logging-impaired"), output);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("1 failed"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void validatePassesAndCoverageWritesANavigatorLayer() throws Exception {
        assertEquals(ExitCode.OK, run("validate", rules.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cloudtrail-logging-impaired [T1562.008]  window 1 minute\n"),
                err.toString(StandardCharsets.UTF_8));

        Path layer = dir.resolve("layer.json");
        assertEquals(ExitCode.OK, run("coverage", rules.toString(), "--navigator", layer.toString()));

        assertTrue(out().contains("| [T1562.008](https://attack.mitre.org/techniques/T1562/008/) | cloudtrail-logging-impaired |"), out());
        JsonNode techniques = new ObjectMapper().readTree(layer.toFile()).get("techniques");
        assertEquals("T1562.008", techniques.get(0).get("techniqueID").asText());
    }

    @Test
    void aNavigatorPathThatCannotBeWrittenIsOneLineAndExit2() {
        assertEquals(ExitCode.USAGE, run("coverage", rules.toString(), "--navigator", dir.toString()));

        assertEquals("trailwatch coverage: cannot open " + dir + " (Is a directory) (check the path)",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void oneCaseRunsAloneAndShowsTheAlertsItRaised() {
        assertEquals(ExitCode.OK, run("test", rules.toString(), testdata.toString(), "--case", "stratus-stop-logging"));

        assertEquals("PASS " + RULE + "/positive/stratus-stop-logging\n"
                + "     raised cloudtrail-logging-impaired high | arn:aws:iam::143434273843:user/christophe stop logging of trail"
                + " stratus-red-team-ct-stop-trail-buykxbqejv in apiso-centralnorth-2r\n", out());
        assertEquals(ExitCode.USAGE, run("test", rules.toString(), testdata.toString(), "--case", "no-such-case"));
    }

    @Test
    void aMisspeltRuleIdNamesTheRulesThatHaveCases() {
        assertEquals(ExitCode.USAGE, run("test", rules.toString(), testdata.toString(), "--rule", "cloudtrail-loging-impaired"));

        assertEquals("trailwatch test: --rule: no fixture case of rule 'cloudtrail-loging-impaired' under "
                + testdata.resolve("epl") + " (rules with cases: cloudtrail-logging-impaired)", err.toString(StandardCharsets.UTF_8).strip());
    }

    private static int lineOf(String text, String token) {
        return (int) text.substring(0, text.indexOf(token)).chars().filter(c -> c == '\n').count() + 1;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

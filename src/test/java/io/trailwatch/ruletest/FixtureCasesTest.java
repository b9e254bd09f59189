package io.trailwatch.ruletest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every fixture case under testdata/epl, one dynamic test each, run exactly as {@code trailwatch test} runs them. */
class FixtureCasesTest {

    @TempDir
    static Path deadLetters;

    @TestFactory
    Stream<DynamicTest> everyFixtureCasePasses() throws Exception {
        FixtureRunner runner = new FixtureRunner(BundledPack.pack(), deadLetters);
        return FixtureTree.scan(BundledPack.FIXTURES).cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.label(), c.directory().toUri(), () -> {
                    CaseResult result = runner.run(c);
                    assertTrue(result.passed(), () -> c.label() + "\n" + String.join("\n", result.failures()));
                }));
    }
}

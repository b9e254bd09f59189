package io.trailwatch.ruletest;

import io.trailwatch.engine.RuleLoadException;
import io.trailwatch.engine.RulePack;
import java.nio.file.Path;

/** The repository's epl/ pack and its testdata/epl fixtures, the pack compiled once per test JVM. */
final class BundledPack {

    static final Path RULES = Path.of("epl");
    static final Path FIXTURES = Path.of("testdata/epl");
    private static RulePack pack;

    private BundledPack() {}

    static synchronized RulePack pack() throws RuleLoadException {
        if (pack == null) {
            pack = RulePack.load(RULES);
        }
        return pack;
    }
}

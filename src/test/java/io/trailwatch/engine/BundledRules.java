package io.trailwatch.engine;

import io.trailwatch.alert.Detection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's epl/ pack, compiled once per test JVM (compiles take seconds). */
final class BundledRules {

    private static RulePack pack;

    private BundledRules() {}

    static synchronized RulePack pack() throws RuleLoadException {
        if (pack == null) {
            pack = RulePack.load(Path.of("epl"));
        }
        return pack;
    }

    /** An engine over the bundled pack that collects its detections into {@code sink}. */
    static DetectionEngine engine(List<Detection> sink) throws RuleLoadException {
        return new DetectionEngine(pack(), EngineOptions.defaults(), sink::add);
    }

    static List<Detection> of(List<Detection> all, String ruleId) {
        List<Detection> out = new ArrayList<>();
        all.stream().filter(d -> d.rule().id().equals(ruleId)).forEach(out::add);
        return out;
    }
}

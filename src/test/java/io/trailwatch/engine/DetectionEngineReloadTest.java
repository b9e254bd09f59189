package io.trailwatch.engine;

import static io.trailwatch.engine.TestEvents.ADMIN;
import static io.trailwatch.engine.TestEvents.at;
import static io.trailwatch.engine.TestEvents.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailwatch.alert.Detection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload redeploys only changed modules: the other rules keep their partial matches. */
class DetectionEngineReloadTest {

    private static final long T0 = at("2026-01-01T00:00:00Z");
    private static final String PAIR = template("tick-tock.epl");
    private static final String ECHO = template("echo.epl");

    @TempDir
    Path rules;

    private final List<Detection> detections = new ArrayList<>();

    @Test
    void changingOneRuleKeepsThePartialMatchesOfTheOthers() throws Exception {
        write("tick-tock", PAIR.formatted("pair"));
        write("echo", ECHO.formatted("low"));
        try (DetectionEngine engine = new DetectionEngine(RulePack.load(rules), EngineOptions.defaults(), detections::add)) {
            engine.send(call("Tick", ADMIN, T0).build());
            write("echo", ECHO.formatted("high"));

            assertEquals(1, engine.reload(RulePack.load(rules)), "only the changed module is redeployed");
            engine.send(call("Tock", ADMIN, T0 + 1_000).build());
            engine.send(call("Echo", ADMIN, T0 + 2_000).build());

            assertEquals(List.of("tick-tock", "echo"), ruleIds());
            assertEquals("high", detections.get(1).severity().label());
        }
    }

    @Test
    void aChangedRuleStartsAfreshWithItsNewText() throws Exception {
        write("tick-tock", PAIR.formatted("pair"));
        try (DetectionEngine engine = new DetectionEngine(RulePack.load(rules), EngineOptions.defaults(), detections::add)) {
            engine.send(call("Tick", ADMIN, T0).build());
            write("tick-tock", PAIR.formatted("pair v2"));

            assertEquals(1, engine.reload(RulePack.load(rules)));
            engine.send(call("Tock", ADMIN, T0 + 1_000).build());
            engine.send(call("Tick", ADMIN, T0 + 2_000).build());
            engine.send(call("Tock", ADMIN, T0 + 3_000).build());

            assertEquals(List.of("pair v2"), detections.stream().map(Detection::summary).toList(),
                    "the Tick before the reload belonged to the old module's state");
        }
    }

    /** A rule text with a %s placeholder, from src/test/resources/engine-reload. */
    private static String template(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/engine-reload", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> ruleIds() {
        return detections.stream().map(d -> d.rule().id()).toList();
    }

    private void write(String id, String text) throws IOException {
        Files.writeString(rules.resolve(id + ".epl"), text);
    }
}

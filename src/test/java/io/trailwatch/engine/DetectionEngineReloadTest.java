package io.trailwatch.engine;

import static io.trailwatch.engine.TestEvents.ADMIN;
import static io.trailwatch.engine.TestEvents.at;
import static io.trailwatch.engine.TestEvents.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailwatch.alert.Detection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload redeploys only changed modules: the other rules keep their partial matches. */
class DetectionEngineReloadTest {

    private static final long T0 = at("2026-01-01T00:00:00Z");
    private static final String PAIR = """
            @Name('tick-tock')
            @Description('A Tick followed by a Tock of the same principal within a minute.')
            @Rule(title = 'Tick then Tock', severity = 'low', techniques = {'T1485'}, window = '1 minute')
            insert into Detection
            select current_evaluation_context().statementName as ruleId, a.principal as principal,
                   a.accountId as accountId, '%s' as summary, {a, b} as evidence
            from pattern [every a=CloudTrail(eventName = 'Tick') -> b=CloudTrail(eventName = 'Tock', principal = a.principal)
                          where timer:within(1 minute)];
            """;
    private static final String ECHO = """
            @Name('echo')
            @Description('Every Echo call.')
            @Rule(title = 'Echo', severity = '%s', techniques = {'T1485'}, window = '1 second')
            insert into Detection
            select current_evaluation_context().statementName as ruleId, a.principal as principal,
                   a.accountId as accountId, 'echo' as summary, {a} as evidence
            from pattern [every a=CloudTrail(eventName = 'Echo')];
            """;

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

    private List<String> ruleIds() {
        return detections.stream().map(d -> d.rule().id()).toList();
    }

    private void write(String id, String text) throws IOException {
        Files.writeString(rules.resolve(id + ".epl"), text);
    }
}

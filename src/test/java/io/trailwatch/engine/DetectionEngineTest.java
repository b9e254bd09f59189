package io.trailwatch.engine;

import static io.trailwatch.engine.TestEvents.ADMIN;
import static io.trailwatch.engine.TestEvents.at;
import static io.trailwatch.engine.TestEvents.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.alert.Detection;
import io.trailwatch.alert.Severity;
import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clock, timers, late events, severity override and caps, on a test rule that echoes each Tick a minute later. */
class DetectionEngineTest {

    private static final long T0 = at("2019-01-01T00:00:10Z");
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static RulePack pack;

    private final List<Detection> detections = new ArrayList<>();

    @BeforeAll
    static void loadPack() throws RuleLoadException, URISyntaxException {
        pack = RulePack.load(Path.of(DetectionEngineTest.class.getResource("/engine-rules").toURI()));
    }

    private static CloudTrailEvent tick(long millis) {
        return call("Tick", ADMIN, millis).build();
    }

    private DetectionEngine engine() {
        return new DetectionEngine(pack, EngineOptions.defaults(), detections::add);
    }

    private List<Long> detectionTimes() {
        return detections.stream().map(Detection::detectedAtMillis).toList();
    }

    @Test
    void whatTheConsumerThrowsReachesTheFeederInsteadOfBeingLoggedByEsper() {
        IllegalStateException sinkDown = new IllegalStateException("the sink is down");
        List<Long> offered = new ArrayList<>();
        try (DetectionEngine engine = new DetectionEngine(pack, EngineOptions.defaults(), detection -> {
            offered.add(detection.detectedAtMillis());
            throw sinkDown;
        })) {
            engine.send(tick(T0));
            engine.send(tick(T0 + SECOND));

            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> engine.advanceTo(T0 + 2 * MINUTE));

            assertSame(sinkDown, thrown);
            assertEquals(List.of(T0 + MINUTE), offered, "after a failure the step delivers nothing more");
        }
    }

    @Test
    void anErrorInTheConsumerReachesTheFeederToo() {
        StackOverflowError error = new StackOverflowError("deep in a sink");
        try (DetectionEngine engine = new DetectionEngine(pack, EngineOptions.defaults(), detection -> {
            throw error;
        })) {
            engine.send(tick(T0));

            assertSame(error, assertThrows(StackOverflowError.class, engine::finish));
        }
    }

    @Test
    void clockStartsAtTheFirstEventSoOldLogsFireTheirTimersOnFinish() {
        try (DetectionEngine engine = engine()) {
            engine.send(tick(T0));
            assertEquals(T0, engine.currentTimeMillis());
            assertEquals(List.of(), detections);

            engine.finish();

            assertEquals(List.of(T0 + MINUTE), detectionTimes());
            assertTrue(engine.currentTimeMillis() > T0 + pack.longestWindow().toMillis());
        }
    }

    @Test
    void advanceToStepsThroughEveryDueTimerInsteadOfCollapsingThem() {
        try (DetectionEngine engine = engine()) {
            engine.send(tick(T0));
            engine.send(tick(T0 + 10 * SECOND));
            engine.send(tick(T0 + 20 * SECOND));

            engine.advanceTo(T0 + 10 * MINUTE);

            assertEquals(List.of(T0 + MINUTE, T0 + 70 * SECOND, T0 + 80 * SECOND), detectionTimes());
            assertEquals(T0 + 10 * MINUTE, engine.currentTimeMillis());
        }
    }

    @Test
    void advanceToBeforeAnyEventStartsTheClockThere() {
        try (DetectionEngine engine = engine()) {
            engine.advanceTo(T0);
            engine.send(tick(T0 + SECOND));
            engine.advanceTo(T0 + 2 * MINUTE);

            assertEquals(List.of(T0 + SECOND + MINUTE), detectionTimes());
        }
    }

    @Test
    void anOlderEventIsProcessedAtTheCurrentTimeAndCountedLate() {
        try (DetectionEngine engine = engine()) {
            engine.send(tick(T0 + MINUTE / 2));
            engine.send(tick(T0));
            assertEquals(T0 + MINUTE / 2, engine.currentTimeMillis());

            engine.finish();

            assertEquals(List.of(T0 + MINUTE + MINUTE / 2, T0 + MINUTE + MINUTE / 2), detectionTimes());
            EngineStats stats = engine.stats();
            assertEquals(2, stats.events());
            assertEquals(1, stats.lateEvents());
            assertEquals(Map.of("delayed-echo", 2L), stats.detectionsByRule());
            assertEquals(2, stats.detections());
        }
    }

    @Test
    void detectionCarriesRuleMetadataAndFlattenedEvidence() {
        CloudTrailEvent tick = tick(T0);
        try (DetectionEngine engine = engine()) {
            engine.send(tick);
            engine.finish();
        }
        Detection d = detections.get(0);
        assertEquals("delayed-echo", d.rule().id());
        assertEquals("Delayed echo", d.rule().title());
        assertEquals(ADMIN, d.principal());
        assertEquals(TestEvents.ACCOUNT, d.accountId());
        assertEquals("echo of " + tick.getEventId(), d.summary());
        assertEquals(List.of(tick), d.evidence());
    }

    @Test
    void ruleMayOverrideSeverityAndAnUnknownOverrideKeepsTheDefault() {
        try (DetectionEngine engine = engine()) {
            engine.send(call("Tick", ADMIN, T0).userAgent("critical").build());
            engine.send(call("Tick", ADMIN, T0 + 1).userAgent("apocalyptic").build());
            engine.send(tick(T0 + 2));
            engine.finish();
        }
        assertEquals(List.of(Severity.CRITICAL, Severity.LOW, Severity.LOW),
                detections.stream().map(Detection::severity).toList());
    }

    @Test
    void rulesShareAPublicWindowOfABaseModuleTheyUse() {
        CloudTrailEvent first = call("Tock", ADMIN, T0).build();
        CloudTrailEvent second = call("Tock", ADMIN, T0 + SECOND).build();
        try (DetectionEngine engine = engine()) {
            engine.send(first);
            engine.send(second);
        }
        assertEquals(List.of("tock-seen", "tock-seen"), detections.stream().map(d -> d.rule().id()).toList());
        assertEquals(List.of(first, second), detections.get(1).evidence());
        assertEquals(List.of("delayed-echo", "tock-seen"), pack.rules().stream().map(r -> r.id()).toList());
    }

    @Test
    void patternCapHitsAreCountedNotSilent() {
        try (DetectionEngine engine = new DetectionEngine(pack, new EngineOptions(2, 10), detections::add)) {
            for (int i = 0; i < 5; i++) {
                engine.send(tick(T0 + i * SECOND));
            }
            engine.finish();

            assertTrue(engine.stats().patternCapHits() > 0, engine.stats().toString());
            assertTrue(detections.size() < 5, "the cap stopped some matches: " + detections.size());
        }
    }
}

package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.DatedBeforeDelivery;
import io.trailwatch.cloudtrail.DeadLetterFile;
import io.trailwatch.daemon.state.DeliveredAlertIds;
import io.trailwatch.daemon.state.StateStore;
import io.trailwatch.engine.DetectionEngine;
import io.trailwatch.engine.EngineOptions;
import io.trailwatch.engine.EventTimeline;
import io.trailwatch.engine.RulePack;
import io.trailwatch.pipeline.ReplayOptions;
import io.trailwatch.sink.AlertSink;
import io.trailwatch.source.InputConsumer;
import io.trailwatch.source.InputUnit;
import io.trailwatch.source.LiveSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedLoopTest {

    @TempDir
    Path temp;

    /** A source whose first poll throws {@code error}. */
    private static LiveSource failingWith(Error error) {
        return new StubSource() {
            @Override
            public int poll(InputConsumer consumer) {
                throw error;
            }
        };
    }

    /** A source whose first poll hands over {@code lines} as one unit and then runs {@code afterwards}. */
    private static LiveSource oneUnit(String lines, Runnable afterwards) {
        return new StubSource() {
            @Override
            public int poll(InputConsumer consumer) throws IOException {
                consumer.accept(new InputUnit("in.jsonl", 1, lines.getBytes(StandardCharsets.UTF_8), checkpoint()));
                afterwards.run();
                return 1;
            }
        };
    }

    private abstract static class StubSource implements LiveSource {
        @Override
        public String id() {
            return "stub";
        }

        @Override
        public ObjectNode checkpoint() {
            return JsonNodeFactory.instance.objectNode();
        }

        @Override
        public void restore(ObjectNode checkpoint) {
            // nothing to restore
        }

        @Override
        public void close() {
            // nothing to close
        }
    }

    private FeedLoop loop(DaemonFixture fixture, LiveSource source, DetectionEngine engine, DaemonMetrics metrics,
                          DeadLetterFile deadLetter, Clock clock) throws Exception {
        DaemonConfig config = DaemonConfig.load(fixture.config("  - type: stdin\n", null));
        StateStore store = new StateStore(fixture.state);
        DeliveredAlertIds delivered = new DeliveredAlertIds(store, Duration.ofHours(1), 1000);
        Checkpointer checkpointer = new Checkpointer(store, RulePack.load(fixture.rules).longestWindow());
        checkpointer.restore(List.of(source));
        return new FeedLoop(config, List.of(source), engine,
                new EventTimeline(Duration.ZERO, ReplayOptions.DEDUP_WINDOW, engine.asTimelineListener()),
                checkpointer, delivered, new DeliveryGate(delivered, metrics),
                List.of(), new RuleWatcher(fixture.rules, Duration.ofHours(1), () -> { }), metrics, deadLetter, clock);
    }

    @Test
    void anErrorEndsTheLoopAsAFailureNotAsACleanStop() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        DaemonMetrics metrics = new DaemonMetrics();
        StackOverflowError error = new StackOverflowError("a bug deep in a source");
        try (DetectionEngine engine = new DetectionEngine(RulePack.load(fixture.rules), EngineOptions.defaults(), detection -> { });
             DeadLetterFile deadLetter = new DeadLetterFile(temp.resolve("dead-letter.jsonl"))) {
            FeedLoop loop = loop(fixture, failingWith(error), engine, metrics, deadLetter, Clock.systemUTC());

            loop.run();

            assertSame(error, loop.failure(), "the daemon reads a null failure as a clean stop and exits 0");
            assertFalse(loop.running());
        }
    }

    @Test
    void anEventDatedPastTheClockIsABadRecordAndDoesNotMoveEventTime() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        String lines = DaemonFixture.record("from-the-future", "StopLogging", Instant.parse("9999-01-01T00:00:00Z")) + "\n"
                + DaemonFixture.record("skewed-but-fine", "StopLogging", now.plus(DatedBeforeDelivery.TOLERANCE)) + "\n";
        DaemonMetrics metrics = new DaemonMetrics();
        Path deadLetters = temp.resolve("dead-letter.jsonl");
        AtomicReference<FeedLoop> loop = new AtomicReference<>();
        try (DetectionEngine engine = new DetectionEngine(RulePack.load(fixture.rules), EngineOptions.defaults(), detection -> { });
             DeadLetterFile deadLetter = new DeadLetterFile(deadLetters)) {
            loop.set(loop(fixture, oneUnit(lines, () -> loop.get().stop()), engine, metrics, deadLetter,
                    Clock.fixed(now, ZoneOffset.UTC)));

            loop.get().run();

            assertNull(loop.get().failure());
            assertEquals(1.0, metrics.eventsIn.get(), "only the record within the allowed skew is an event");
            assertEquals(1.0, metrics.badRecords.get());
            assertTrue(engine.currentTimeMillis() < Instant.parse("2027-01-01T00:00:00Z").toEpochMilli(),
                    "event time stays near the clock: " + Instant.ofEpochMilli(engine.currentTimeMillis()));
        }
        List<String> dead = Files.readAllLines(deadLetters);
        assertEquals(1, dead.size(), dead.toString());
        assertTrue(dead.get(0).contains("\"line\":1") && dead.get(0).contains("eventTime 9999-01-01T00:00:00Z is more than 60"
                + " minutes after this machine's clock (2026-11-23T12:00:00Z)"), dead.get(0));
    }

    @Test
    void aLoopAbandonedWhileASinkFlushesNeverCommits() throws Exception {
        DaemonFixture fixture = new DaemonFixture(temp);
        DaemonConfig config = DaemonConfig.load(fixture.config("  - type: stdin\n", null));
        RulePack pack = RulePack.load(fixture.rules);
        StateStore store = new StateStore(fixture.state);
        DeliveredAlertIds delivered = new DeliveredAlertIds(store, Duration.ofHours(1), 1000);
        DaemonMetrics metrics = new DaemonMetrics();
        CountDownLatch flushing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AlertSink stuck = new AlertSink() {
            @Override
            public String name() {
                return "stuck";
            }

            @Override
            public void deliver(Alert alert) {
                // never called: no input
            }

            @Override
            public void flush() throws IOException {
                flushing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
            }
        };
        try (DetectionEngine engine = new DetectionEngine(pack, EngineOptions.defaults(), detection -> { });
             DeadLetterFile deadLetter = new DeadLetterFile(temp.resolve("dead-letter.jsonl"))) {
            FeedLoop loop = new FeedLoop(config, List.of(), engine,
                    new EventTimeline(Duration.ZERO, ReplayOptions.DEDUP_WINDOW, engine.asTimelineListener()),
                    new Checkpointer(store, pack.longestWindow()), delivered, new DeliveryGate(delivered, metrics),
                    List.of(stuck), new RuleWatcher(fixture.rules, Duration.ofHours(1), () -> { }), metrics, deadLetter,
                    Clock.systemUTC());
            Thread thread = new Thread(loop, "feed-under-test");
            thread.start();
            assertTrue(flushing.await(30, TimeUnit.SECONDS), "the loop commits, flushing the sink first");

            loop.stop();
            loop.abandon();
            release.countDown();
            thread.join(30_000);

            assertFalse(thread.isAlive());
            assertNotNull(loop.failure(), "an abandoned loop ends as a failure");
            assertTrue(store.load(Checkpointer.DOCUMENT).isEmpty(),
                    "the daemon may already be closing the sinks under this flush: no position may be saved after it");
        }
    }
}

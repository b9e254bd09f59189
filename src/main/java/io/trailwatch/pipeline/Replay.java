package io.trailwatch.pipeline;

import io.trailwatch.alert.Suppressor;
import io.trailwatch.cloudtrail.CloudTrailDecoder;
import io.trailwatch.engine.DetectionEngine;
import io.trailwatch.engine.EngineOptions;
import io.trailwatch.engine.EventTimeline;
import io.trailwatch.engine.RulePack;
import io.trailwatch.sink.AlertSink;
import io.trailwatch.source.Origin;
import io.trailwatch.source.ReplayInput;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Replays a finite, recorded input through the whole pipeline: parallel decode → dedup and reorder on
 * event time → the engine (one thread) → suppression → sinks. Inputs are decoded in CloudTrail delivery-time
 * order ({@link DeliveryOrder}), so a bounded reorder buffer sees events nearly in time order. The same input gives the same alerts in the
 * same order, whatever the order of files and records (within the lateness) and however many decode threads.
 */
public final class Replay {

    private static final Logger LOG = LogManager.getLogger(Replay.class);

    private final ReplayOptions options;
    private final RulePack rules;
    private volatile int bufferedWhenOutOfMemory = -1;

    public Replay(ReplayOptions options, RulePack rules) {
        this.options = options;
        this.rules = rules;
    }

    /**
     * How many events the reorder buffer held when {@link #run} ran out of heap while decoding and feeding;
     * empty if it did not. The buffer is what usually fills the heap: without a lateness bound it holds the
     * whole input.
     */
    public OptionalInt bufferedWhenOutOfMemory() {
        int buffered = bufferedWhenOutOfMemory;
        return buffered < 0 ? OptionalInt.empty() : OptionalInt.of(buffered);
    }

    /**
     * Runs the replay to the end of input, then lets event time run past the longest rule window so that
     * pending windows fire, and flushes the sinks (it does not close them).
     *
     * @param progress called on the feeding thread now and then; may print a progress line
     */
    public ReplayStats run(List<AlertSink> sinks, Progress progress) throws IOException, InterruptedException {
        ReplayStats stats = new ReplayStats();
        long start = System.nanoTime();
        AlertDispatch dispatch = new AlertDispatch(new Suppressor(options.suppression()), sinks, alert -> {
            stats.countAlert(alert.ruleId(), alert.suppressed());
            return true;
        });
        try (DetectionEngine engine = new DetectionEngine(rules, EngineOptions.defaults(), dispatch);
             LazyDeadLetter deadLetter = new LazyDeadLetter(options.deadLetter());
             HeapGuard heap = new HeapGuard(HeapGuard.EXHAUSTED, HeapGuard.IN_A_ROW)) {
            EventTimeline timeline = new EventTimeline(options.maxLateness(),
                    ReplayOptions.DEDUP_WINDOW, engine.asTimelineListener());
            stats.inputs = options.inputs().size();
            List<ReplayInput> inputs = DeliveryOrder.sort(options.inputs());
            decodeAndFeed(inputs, timeline, deadLetter, heap, stats, progress);
            timeline.flush();
            engine.finish();
            stats.duplicates = timeline.duplicates();
            stats.late = timeline.late();
        }
        for (AlertSink sink : sinks) {
            sink.flush();
        }
        stats.elapsedNanos = System.nanoTime() - start;
        progress.done();
        return stats;
    }

    private void decodeAndFeed(List<ReplayInput> inputs, EventTimeline timeline, LazyDeadLetter deadLetter,
                               HeapGuard heap, ReplayStats stats, Progress progress) throws InterruptedException {
        try {
            new ParallelDecoder(new CloudTrailDecoder()::decode, options.decodeThreads()).decode(inputs, item -> {
                heap.check();
                if (item instanceof DecodedItem.Event e) {
                    stats.records++;
                    timeline.offer(e.event());
                    progress.tick(stats);
                } else if (item instanceof DecodedItem.Bad b) {
                    stats.badRecords++;
                    deadLetter.write(b.origin(), b.reason(), b.excerpt());
                } else if (item instanceof DecodedItem.Skipped s) {
                    stats.skippedFiles++;
                    LOG.debug("skipped {}: {}", s.file(), s.reason());
                } else if (item instanceof DecodedItem.Unreadable u) {
                    stats.unreadableInputs++;
                    stats.badRecords++;
                    deadLetter.write(Origin.file(u.file()), u.reason(), null);
                }
            });
        } catch (OutOfMemoryError e) {
            bufferedWhenOutOfMemory = timeline.buffered();
            throw e;
        }
    }
}

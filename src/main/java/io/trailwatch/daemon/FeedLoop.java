package io.trailwatch.daemon;

import io.trailwatch.cloudtrail.CloudTrailDecoder;
import io.trailwatch.cloudtrail.CloudTrailEvent;
import io.trailwatch.cloudtrail.DatedBeforeDelivery;
import io.trailwatch.cloudtrail.DeadLetterFile;
import io.trailwatch.cloudtrail.DecodeListener;
import io.trailwatch.daemon.state.DeliveredAlertIds;
import io.trailwatch.engine.DetectionEngine;
import io.trailwatch.engine.EventTimeline;
import io.trailwatch.sink.AlertSink;
import io.trailwatch.source.InputUnit;
import io.trailwatch.source.LiveSource;
import io.trailwatch.source.Origin;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The one thread that owns the engine: polls the sources, decodes each unit, feeds the event timeline
 * (dedup, reorder, watermark), lets event time pass to {@code wall clock − lateness} once input is idle,
 * applies rule reloads between units, and commits positions after flushing the sinks.
 *
 * <p>A commit follows every round that produced alerts, and at least every {@code commitInterval} while
 * input flows, so the span in which a kill can make an alert be delivered again is short. A sink failure
 * (an alert not queued, delivered nor spooled) stops the loop without committing: the next start re-reads
 * the input and delivers what was lost.
 */
final class FeedLoop implements Runnable {

    private static final Logger LOG = LogManager.getLogger(FeedLoop.class);
    /**
     * Empty polls in a row before input counts as idle and event time follows the wall clock. A delivery
     * tree hands out a file only on the second poll that sees it unchanged, so after a start (or a burst of
     * arrivals) one empty poll does not mean caught up: advancing then would make a backlog late.
     */
    private static final int IDLE_ROUNDS_BEFORE_CLOCK = 3;

    private final DaemonConfig config;
    private final List<LiveSource> sources;
    private final DetectionEngine engine;
    private final EventTimeline timeline;
    private final Checkpointer checkpointer;
    private final DeliveredAlertIds delivered;
    private final DeliveryGate gate;
    private final List<? extends AlertSink> sinks;
    private final RuleWatcher rules;
    private final DaemonMetrics metrics;
    private final DeadLetterFile deadLetter;
    private final Clock clock;
    private final CloudTrailDecoder decoder = new CloudTrailDecoder();
    private final Object wake = new Object();
    /** Held while ids and positions are saved, so that {@link #abandon()} cannot overlap a save. */
    private final Object saving = new Object();
    /** The last read problem per source id, so a lasting problem is logged once, not every poll. */
    private final Map<String, String> readProblems = new HashMap<>();
    private volatile boolean stopRequested;
    private boolean abandoned;
    private volatile boolean ready;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private long lastCommitNanos = System.nanoTime();
    private int idleRounds;
    private long duplicatesSeen;
    private long lateSeen;

    FeedLoop(DaemonConfig config, List<LiveSource> sources, DetectionEngine engine, EventTimeline timeline,
             Checkpointer checkpointer, DeliveredAlertIds delivered, DeliveryGate gate, List<? extends AlertSink> sinks,
             RuleWatcher rules,
             DaemonMetrics metrics, DeadLetterFile deadLetter, Clock clock) {
        this.config = config;
        this.sources = List.copyOf(sources);
        this.engine = engine;
        this.timeline = timeline;
        this.checkpointer = checkpointer;
        this.delivered = delivered;
        this.gate = gate;
        this.sinks = List.copyOf(sinks);
        this.rules = rules;
        this.metrics = metrics;
        this.deadLetter = deadLetter;
        this.clock = clock;
    }

    /** Asks the loop to stop reading, commit and return; returns at once. */
    void stop() {
        stopRequested = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /**
     * The daemon gave up waiting for this loop (it outlasted {@code shutdownTimeout}) and is closing the sinks
     * under it: nothing may be committed from now on, not even by a commit already flushing, since closing a
     * sink can take over the failures its flush would have reported. Returns once no save is under way.
     */
    void abandon() {
        synchronized (saving) {
            abandoned = true;
        }
    }

    boolean running() {
        return running;
    }

    /** True once every source has been read up to the present since start. */
    boolean ready() {
        return ready;
    }

    /** Why the loop stopped on its own, or null. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            while (!stopRequested && !failed()) {
                reloadRulesIfChanged();
                int units = pollSources();
                timeline.releaseDue();
                idleRounds = units == 0 ? idleRounds + 1 : 0;
                if (idleRounds >= IDLE_ROUNDS_BEFORE_CLOCK) {
                    timeline.advanceWatermarkTo(clock.millis() - config.lateness().toMillis());
                    ready = true;
                }
                updateGauges();
                if (!failed() && (gate.alertsPending() || dueForCommit())) {
                    commit();
                }
                if (units == 0) {
                    idle();
                }
            }
            if (!failed()) {
                commit();
                LOG.info("Stopped reading; positions committed at event time {}", Instant.ofEpochMilli(engine.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (IOException | RuntimeException | Error e) {
            // An Error too: had it ended the thread unrecorded, the daemon would report a clean stop and exit 0,
            // and a supervisor restarting on failure would leave it down.
            failure = e;
        } finally {
            if (failure == null) {
                failure = gate.sinkFailure();
            }
            running = false;
        }
        if (failure != null) {
            LOG.error("Stopped without committing positions: {}. The next start re-reads the input since the last"
                    + " commit and delivers what was lost", failure.toString(), failure);
        }
    }

    private void reloadRulesIfChanged() {
        rules.check().ifPresent(pack -> {
            try {
                engine.reload(pack);
                checkpointer.lookback(pack.longestLookback());
                delivered.retention(DeliveredAlertIds.retentionFor(pack.longestLookback(), config.lateness()));
                metrics.ruleReloads.labelValues("applied").inc();
            } catch (IllegalStateException e) {
                metrics.ruleReloads.labelValues("failed").inc();
                LOG.error("Rule reload failed, the previous rules run again: {}", e.getMessage());
            }
        });
    }

    private int pollSources() {
        int units = 0;
        for (LiveSource source : sources) {
            try {
                units += source.poll(unit -> read(source, unit));
                if (readProblems.remove(source.id()) != null) {
                    LOG.info("Source {} is readable again", source.id());
                }
            } catch (IOException e) {
                if (!e.toString().equals(readProblems.put(source.id(), e.toString()))) {
                    LOG.warn("Source {} could not be read ({}); retrying at every poll, logged again only when the"
                            + " problem changes", source.id(), e.toString());
                }
            }
            if (failed()) {
                break;
            }
        }
        return units;
    }

    private void read(LiveSource source, InputUnit unit) throws IOException {
        long[] maxTime = {checkpointer.maxEventTime(source.id())};
        DecodeListener listener = new DecodeListener() {
            @Override
            public void onEvent(CloudTrailEvent event, Origin origin) {
                metrics.eventsIn.inc();
                maxTime[0] = Math.max(maxTime[0], event.getEventTimeMillis());
                timeline.offer(event);
            }

            @Override
            public void onBadRecord(Origin origin, String reason, String excerpt) {
                metrics.badRecords.inc();
                deadLetter.write(inFile(unit, origin), reason, excerpt);
            }

            @Override
            public void onSkippedFile(String file, String reason) {
                LOG.debug("Skipped {}: {}", file, reason);
            }
        };
        try {
            // Event time never goes back, also across restarts through the checkpoints: a record dated past
            // the clock would stall every window until then.
            decoder.decode(unit.open(), unit.origin(), new DatedBeforeDelivery(listener, clock.instant(),
                    "this machine's clock", " (if every record is refused, set this machine's clock)"));
        } catch (RuntimeException e) {
            // A decoder bug must not stop the daemon on the same input at every restart: dead-letter the rest.
            listener.onBadRecord(Origin.line(unit.origin(), unit.firstLine()), "decoder failed: " + e, null);
        }
        checkpointer.read(source.id(), unit.checkpointBefore(), unit.checkpointAfter(), maxTime[0]);
    }

    /** Decoder lines count from the unit's start; a tailed file's unit starts at {@code firstLine}. */
    private static Origin inFile(InputUnit unit, Origin origin) {
        return origin.line() > 0 ? Origin.line(origin.file(), unit.firstLine() + origin.line() - 1) : origin;
    }

    private void updateGauges() {
        metrics.duplicates.inc(timeline.duplicates() - duplicatesSeen);
        duplicatesSeen = timeline.duplicates();
        metrics.lateEvents.inc(timeline.late() - lateSeen);
        lateSeen = timeline.late();
        long engineTime = engine.currentTimeMillis();
        if (engineTime != Long.MIN_VALUE) {
            metrics.watermarkLag.set((clock.millis() - engineTime) / 1000.0);
        }
    }

    private boolean failed() {
        return failure != null || gate.sinkFailure() != null;
    }

    private boolean dueForCommit() {
        return System.nanoTime() - lastCommitNanos >= config.commitInterval().toNanos();
    }

    /** Flushes every sink (throws if any alert was not delivered or spooled), then saves ids and positions. */
    private void commit() throws IOException {
        for (AlertSink sink : sinks) {
            sink.flush();
        }
        synchronized (saving) {
            if (abandoned) {
                throw new IOException("the stop outlasted shutdownTimeout " + config.shutdownTimeout()
                        + " and the sinks were left behind, so what they took is not known to be delivered");
            }
            delivered.save();
            checkpointer.commit(engine.currentTimeMillis());
        }
        gate.committed();
        lastCommitNanos = System.nanoTime();
    }

    private void idle() throws InterruptedException {
        synchronized (wake) {
            if (!stopRequested) {
                wake.wait(Math.max(1, config.pollInterval().toMillis()));
            }
        }
    }
}

package io.trailwatch.daemon;

import io.trailwatch.alert.Suppressor;
import io.trailwatch.cloudtrail.DeadLetterFile;
import io.trailwatch.config.ConfigException;
import io.trailwatch.config.FileProblems;
import io.trailwatch.daemon.state.DeliveredAlertIds;
import io.trailwatch.daemon.state.StateStore;
import io.trailwatch.engine.DetectionEngine;
import io.trailwatch.engine.EngineOptions;
import io.trailwatch.engine.EventTimeline;
import io.trailwatch.engine.RuleLoadException;
import io.trailwatch.engine.RulePack;
import io.trailwatch.pipeline.AlertDispatch;
import io.trailwatch.pipeline.ReplayOptions;
import io.trailwatch.sink.AlertSink;
import io.trailwatch.sink.FilteringSink;
import io.trailwatch.sink.QueuedSink;
import io.trailwatch.sink.Sinks;
import io.trailwatch.sink.webhook.WebhookSink;
import io.trailwatch.source.LiveSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code trailwatch run}: the long-running process. Builds the pipeline from a {@link DaemonConfig}
 * (sources → decode → {@link EventTimeline} → {@link DetectionEngine} → suppression → one bounded
 * {@link QueuedSink} per sink), restores source positions from the state directory, runs the
 * {@link FeedLoop} on its own thread until {@link #stop()} or a failure, then drains and closes
 * everything within the configured shutdown timeout.
 */
public final class Daemon {

    private static final Logger LOG = LogManager.getLogger(Daemon.class);
    private static final int MAX_DELIVERED_IDS = 1_000_000;
    private static final Duration SINK_OFFER_TIMEOUT = Duration.ofMinutes(5);
    private static final String STATE_DIR_FIX =
            "; the daemon keeps its positions and delivered alert ids there, give it a directory its user can write";

    private final DaemonConfig config;
    private final Object lifecycle = new Object();
    private volatile FeedLoop loop;
    private volatile boolean stopRequested;
    private volatile boolean feedAbandoned;
    private volatile long stopRequestedNanos;

    public Daemon(DaemonConfig config) {
        this.config = config;
    }

    /**
     * Checks what a start needs without starting: the rules compile and the sinks can be built.
     *
     * @return the loaded rules
     */
    public static RulePack check(DaemonConfig config) throws RuleLoadException, ConfigException, IOException {
        RulePack pack = rules(config);
        stateStore(config);
        deadLetterFile(config).close();
        closeAll(Sinks.create(config.sinks(), Path.of(config.stateDir())), new ArrayList<>());
        return pack;
    }

    /** The rule pack; a {@code rules} key naming no directory is the configuration's to fix, not a rule problem. */
    private static RulePack rules(DaemonConfig config) throws RuleLoadException, ConfigException {
        Path dir = Path.of(config.rules());
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("rules " + dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory")
                    + " (set 'rules' to the directory of your .epl rule modules, e.g. the epl/ directory of this installation)");
        }
        return RulePack.load(dir);
    }

    private static DeadLetterFile deadLetterFile(DaemonConfig config) throws ConfigException {
        try {
            return new DeadLetterFile(Path.of(config.deadLetter()));
        } catch (UncheckedIOException e) {
            throw new ConfigException("deadLetter " + config.deadLetter() + ": cannot append to it ("
                    + FileProblems.reason(e.getCause()) + "); give a file the daemon's user can write", e);
        }
    }

    /** The state directory, created if absent; one it cannot create or write is the configuration's to fix. */
    private static StateStore stateStore(DaemonConfig config) throws ConfigException {
        Path dir = Path.of(config.stateDir());
        StateStore store;
        try {
            store = new StateStore(dir);
        } catch (IOException e) {
            throw new ConfigException("stateDir " + dir + ": cannot create it (" + FileProblems.reason(e) + ")"
                    + STATE_DIR_FIX, e);
        }
        if (!Files.isWritable(store.directory())) {
            throw new ConfigException("stateDir " + store.directory() + ": not writable by this user" + STATE_DIR_FIX);
        }
        return store;
    }

    /**
     * Runs until {@link #stop()} is called (then returns true once positions are committed and sinks
     * drained) or the pipeline fails (returns false; the next start re-reads from the last commit).
     */
    public boolean run() throws RuleLoadException, ConfigException, IOException {
        RulePack pack = rules(config);
        StateStore store = stateStore(config);
        DeliveredAlertIds delivered = new DeliveredAlertIds(store,
                DeliveredAlertIds.retentionFor(pack.longestLookback(), config.lateness()), MAX_DELIVERED_IDS);
        List<AlertSink> built = Sinks.create(config.sinks(), Path.of(config.stateDir()));
        List<QueuedSink> sinks = built.stream()
                .map(s -> new QueuedSink(s, config.sinkQueue(), SINK_OFFER_TIMEOUT)).toList();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            List<LiveSource> sources = config.sources().stream().map(SourceConfig::open).toList();
            resources.addAll(sources);
            DeadLetterFile deadLetter = deadLetterFile(config);
            resources.add(deadLetter);
            Checkpointer checkpointer = new Checkpointer(store, pack.longestLookback());
            checkpointer.restore(sources);
            DaemonMetrics metrics = new DaemonMetrics();
            DeliveryGate gate = new DeliveryGate(delivered, metrics);
            AlertDispatch dispatch = new AlertDispatch(new Suppressor(config.suppression()),
                    List.<AlertSink>copyOf(sinks), gate);
            DetectionEngine engine = new DetectionEngine(pack, EngineOptions.defaults(), detection -> {
                try {
                    dispatch.accept(detection);
                } catch (RuntimeException e) {
                    gate.sinkFailed(e);
                }
            });
            resources.add(engine);
            metrics.watchSources(sources);
            metrics.watch(engine, sinks, webhooks(built));
            FeedLoop feed = new FeedLoop(config, sources, engine, timeline(engine), checkpointer, delivered, gate,
                    sinks, new RuleWatcher(Path.of(config.rules()), config.rulesPollInterval(),
                            () -> metrics.ruleReloads.labelValues("rejected").inc()), metrics, deadLetter,
                    Clock.systemUTC());
            if (config.metrics().enabled()) {
                resources.add(healthServer(metrics, feed));
            }
            logStart(pack, sources, sinks);
            boolean clean = runLoop(feed);
            LOG.info(clean ? "Stopped cleanly" : "Stopped after a failure");
            return clean;
        } finally {
            if (feedAbandoned) {
                // Closing a sink drains it, which one stuck behind a down endpoint does for minutes, and the engine is
                // still in the feeding thread's hands. Nothing was committed past what the sinks hold, so the next
                // start derives and delivers it again; the process exit releases the rest.
                LOG.warn("Leaving {} sink(s) undrained and the pipeline open, to exit within shutdownTimeout",
                        sinks.size());
            } else {
                closeAll(sinks, resources);
            }
        }
    }

    /** A port that cannot be bound (taken, privileged) is the configuration's to fix: its message names the key. */
    private HealthServer healthServer(DaemonMetrics metrics, FeedLoop feed) throws ConfigException {
        try {
            return new HealthServer(config.metrics(), metrics.registry, feed::running, feed::ready);
        } catch (IOException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private EventTimeline timeline(DetectionEngine engine) {
        return new EventTimeline(config.lateness(), ReplayOptions.DEDUP_WINDOW, engine.asTimelineListener());
    }

    /** Asks a running daemon to stop reading, drain, commit and return from {@link #run()}; returns at once. */
    public void stop() {
        synchronized (lifecycle) {
            stopRequested = true;
            stopRequestedNanos = System.nanoTime();
            if (loop != null) {
                loop.stop();
            }
            lifecycle.notifyAll();
        }
    }

    private boolean runLoop(FeedLoop feed) {
        Thread thread = new Thread(feed, "trailwatch-feed");
        synchronized (lifecycle) {
            loop = feed;
            if (stopRequested) {
                feed.stop();
            }
        }
        thread.start();
        try {
            while (thread.isAlive()) {
                thread.join(100);
                if (stopRequested && System.nanoTime() - stopRequestedNanos > config.shutdownTimeout().toNanos()) {
                    feed.abandon();
                    feedAbandoned = true;
                    LOG.error("The feeding thread did not stop within shutdownTimeout {}; exiting without a final commit"
                            + " (the next start re-reads from the last one)", config.shutdownTimeout());
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return feed.failure() == null;
    }

    private static Map<String, WebhookSink> webhooks(List<AlertSink> sinks) {
        Map<String, WebhookSink> webhooks = new LinkedHashMap<>();
        for (AlertSink sink : sinks) {
            AlertSink inner = sink instanceof FilteringSink f ? f.delegate() : sink;
            if (inner instanceof WebhookSink w) {
                webhooks.put(w.name(), w);
            }
        }
        return webhooks;
    }

    private void logStart(RulePack pack, List<LiveSource> sources, List<QueuedSink> sinks) {
        LOG.info("Trailwatch daemon starting: {} rule(s) from {} (a restart re-reads {} of input), state in {},"
                        + " lateness {}, poll every {}", pack.rules().size(), pack.directory(), pack.longestLookback(),
                Path.of(config.stateDir()).toAbsolutePath(), config.lateness(), config.pollInterval());
        sources.forEach(s -> LOG.info("Source: {}", s.id()));
        sinks.forEach(s -> LOG.info("Sink: {} (queue of {})", s.name(), config.sinkQueue()));
        LOG.info("Bad records go to {}", Path.of(config.deadLetter()).toAbsolutePath());
    }

    private static void closeAll(List<? extends AlertSink> sinks, List<AutoCloseable> others) {
        for (AlertSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException | RuntimeException e) {
                LOG.error("Closing sink {} failed: {}", sink.name(), e.toString());
            }
        }
        for (AutoCloseable resource : others) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.error("Closing {} failed: {}", resource, e.toString());
            }
        }
    }
}

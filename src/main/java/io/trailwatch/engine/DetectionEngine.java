package io.trailwatch.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPUndeployException;
import com.espertech.esper.runtime.client.util.RuntimeVersion;
import io.trailwatch.alert.Detection;
import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs a {@link RulePack} over a stream of events on event time and hands every detection to a consumer.
 *
 * <p>The clock is external: it starts at the first event's time (or the first {@link #advanceTo} time),
 * moves only forward, and moves by stepping through every due timer, so a replay fires windows and
 * {@code timer:within} guards exactly as a live run would. The Esper runtime is created and the rules
 * deployed lazily at that first time, so rules deployed against a 2019 replay do not wait for "now".
 *
 * <p>Not thread-safe: one thread feeds it ({@link #send}, {@link #advanceTo}, {@link #finish}); the
 * consumer is called on that thread. {@link #stats()} may be read from any thread.
 */
public final class DetectionEngine implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(DetectionEngine.class);
    private static final AtomicLong RUNTIMES = new AtomicLong();

    private final EngineOptions options;
    private final Consumer<Detection> detections;
    /** Deployment id per deployed {@link RuleModule#key()}, in deployment order. */
    private final LinkedHashMap<String, String> deployed = new LinkedHashMap<>();
    private RulePack pack;
    private DetectionMapper mapper;
    private final String runtimeUri = "trailwatch-engine-" + RUNTIMES.incrementAndGet();
    private final CapHitHandlers.Counters capHits = CapHitHandlers.register(runtimeUri);
    private final Map<String, AtomicLong> detectionsByRule = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong lateEvents = new AtomicLong();
    private EPRuntime runtime;
    private EPEventService eventService;
    private long now = Long.MIN_VALUE;
    /** What the consumer threw inside Esper's dispatch, which would log and swallow it; rethrown to the feeder. */
    private Throwable consumerFailure;

    /** The version of the Esper runtime the engine runs on. */
    public static String esperVersion() {
        return RuntimeVersion.RUNTIME_VERSION;
    }

    /**
     * @param pack       the rules to run
     * @param options    runtime caps
     * @param detections receives each detection, on the feeding thread, in event-time order. If it throws,
     *                   the detections still due from that step are not delivered and the exception is rethrown
     *                   from the {@link #send}, {@link #advanceTo} or {@link #finish} call that produced them.
     */
    public DetectionEngine(RulePack pack, EngineOptions options, Consumer<Detection> detections) {
        this.options = options;
        this.detections = detections;
        switchTo(pack);
    }

    /**
     * Feeds one event. Events should come in non-decreasing {@code eventTimeMillis}; an older one is still
     * processed, at the engine's current time, and counted as late: the clock never moves backwards.
     */
    public void send(CloudTrailEvent event) {
        long time = event.getEventTimeMillis();
        if (runtime == null) {
            start(time);
        } else if (time > now) {
            step(time);
        } else if (time < now) {
            lateEvents.incrementAndGet();
        }
        events.incrementAndGet();
        eventService.sendEventBean(event, EsperSetup.EVENT_TYPE);
        rethrowConsumerFailure();
    }

    /** Lets event time pass with no events (idle input, end of input), firing every timer due on the way in order. */
    public void advanceTo(long eventTimeMillis) {
        if (runtime == null) {
            start(eventTimeMillis);
        } else if (eventTimeMillis > now) {
            step(eventTimeMillis);
        }
    }

    /** End of a finite input: advances past the longest rule window so pending windows and timers fire. */
    public void finish() {
        if (runtime != null) {
            // The rules' windows, not their lookbacks: a rule's @Rule window bounds every wait that can still end in an
            // alert, while a base module's longer state (36 hours of session keys) only expires, alerting nothing, so
            // stepping through it would make every replay's end slower for no alert.
            step(now + pack.longestWindow().toMillis() + 1);
        }
    }

    /**
     * Replaces the running rules with {@code next} between two events: modules whose file and text are
     * unchanged keep running with their state; changed, removed and added modules are undeployed and
     * deployed (a changed module loses its state). When a base module (one others {@code uses}) changed,
     * every module is redeployed. If a deployment fails, the previous modules are deployed again.
     *
     * @return how many modules were (re)deployed
     * @throws IllegalStateException when a module of {@code next} cannot be deployed; the previous rules
     *                               then run again
     */
    public int reload(RulePack next) {
        if (runtime == null) {
            switchTo(next);
            return next.modules().size();
        }
        Map<String, RuleModule> current = new LinkedHashMap<>();
        pack.modules().forEach(m -> current.put(m.key(), m));
        Map<String, RuleModule> wanted = new LinkedHashMap<>();
        next.modules().forEach(m -> wanted.put(m.key(), m));
        boolean baseChanged = current.values().stream().anyMatch(m -> m.base() && !wanted.containsKey(m.key()))
                || wanted.values().stream().anyMatch(m -> m.base() && !current.containsKey(m.key()));
        List<String> toRemove = new ArrayList<>(deployed.keySet());
        if (!baseChanged) {
            toRemove.removeIf(wanted::containsKey);
        }
        undeploy(toRemove);
        List<RuleModule> toDeploy = next.modules().stream().filter(m -> !deployed.containsKey(m.key())).toList();
        try {
            for (RuleModule module : toDeploy) {
                deployed.put(module.key(), deploy(module.compiled()).getDeploymentId());
            }
        } catch (IllegalStateException e) {
            undeploy(toDeploy.stream().map(RuleModule::key).filter(deployed::containsKey).toList());
            for (String key : toRemove) {
                deployed.put(key, deploy(current.get(key).compiled()).getDeploymentId());
            }
            throw e;
        }
        switchTo(next);
        LOG.info("Rules reloaded from {}: {} module(s) redeployed, {} rule(s) running", next.directory(),
                toDeploy.size(), next.rules().size());
        return toDeploy.size();
    }

    /** The engine as the downstream of an {@link EventTimeline}: ordered events are sent, passing time advances the clock. */
    public TimelineListener asTimelineListener() {
        return new TimelineListener() {
            @Override
            public void onEvent(CloudTrailEvent event) {
                send(event);
            }

            @Override
            public void onTime(long millis) {
                advanceTo(millis);
            }
        };
    }

    /** Current counters. */
    public EngineStats stats() {
        Map<String, Long> byRule = new TreeMap<>();
        detectionsByRule.forEach((rule, count) -> byRule.put(rule, count.get()));
        return new EngineStats(events.get(), lateEvents.get(), byRule, capHits.patternCapHits.get(),
                capHits.matchRecognizeCapHits.get());
    }

    /** The engine's event-time clock in epoch millis; {@link Long#MIN_VALUE} before the first event or advance. */
    public long currentTimeMillis() {
        return now;
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.destroy();
            runtime = null;
        }
        CapHitHandlers.unregister(runtimeUri);
    }

    private void start(long time) {
        runtime = EPRuntimeProvider.getRuntime(runtimeUri, EsperSetup.configuration(options));
        eventService = runtime.getEventService();
        // A new runtime's clock is wall-clock now; set event time before any statement schedules against it.
        eventService.advanceTime(time);
        now = time;
        for (RuleModule module : pack.modules()) {
            deployed.put(module.key(), deploy(module.compiled()).getDeploymentId());
        }
        deploy(pack.detectionListener()).getStatements()[0].addListener(
                (newEvents, oldEvents, statement, rt) -> deliver(newEvents));
        LOG.info("Engine started at event time {} with {} rule(s) from {}", Instant.ofEpochMilli(time),
                pack.rules().size(), pack.directory());
    }

    private void switchTo(RulePack next) {
        pack = next;
        mapper = new DetectionMapper(next);
    }

    /** Undeploys in reverse deployment order, so modules that use others go first. */
    private void undeploy(List<String> keys) {
        List<String> reversed = new ArrayList<>(keys);
        Collections.reverse(reversed);
        for (String key : reversed) {
            try {
                runtime.getDeploymentService().undeploy(deployed.remove(key));
            } catch (EPUndeployException e) {
                throw new IllegalStateException("cannot undeploy rule module " + key + ": " + e.getMessage(), e);
            }
        }
    }

    private EPDeployment deploy(EPCompiled compiled) {
        try {
            return runtime.getDeploymentService().deploy(compiled);
        } catch (EPDeployException e) {
            throw new IllegalStateException("a rule module that deployed while loading " + pack.directory()
                    + " failed to deploy into the engine: " + e.getMessage(), e);
        }
    }

    private void step(long time) {
        eventService.advanceTimeSpan(time);
        now = time;
        rethrowConsumerFailure();
    }

    private void rethrowConsumerFailure() {
        Throwable failure = consumerFailure;
        if (failure != null) {
            consumerFailure = null;
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }
    }

    @SuppressWarnings("unchecked")
    private void deliver(EventBean[] rows) {
        if (rows == null || consumerFailure != null) {
            return;
        }
        for (EventBean row : rows) {
            Detection detection = mapper.map((Map<String, Object>) row.getUnderlying(), eventService.getCurrentTime());
            if (detection != null) {
                detectionsByRule.computeIfAbsent(detection.rule().id(), id -> new AtomicLong()).incrementAndGet();
                try {
                    detections.accept(detection);
                } catch (RuntimeException | Error e) {
                    consumerFailure = e;
                    return;
                }
            }
        }
    }
}

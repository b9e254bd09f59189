package io.trailwatch.daemon;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.trailwatch.engine.DetectionEngine;
import io.trailwatch.engine.EngineStats;
import io.trailwatch.sink.QueuedSink;
import io.trailwatch.sink.webhook.WebhookSink;
import io.trailwatch.sink.webhook.WebhookStats;
import io.trailwatch.source.DeliveryTreeSource;
import io.trailwatch.source.LiveSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The daemon's Prometheus metrics, in their own registry. Counters the feeding thread drives are updated
 * as it goes; sink and engine figures are read when scraped.
 */
final class DaemonMetrics {

    final PrometheusRegistry registry = new PrometheusRegistry();
    final Counter eventsIn = counter("trailwatch_events_in", "Events decoded from the sources, duplicates included");
    final Counter badRecords = counter("trailwatch_bad_records", "Records that could not be decoded (see the dead-letter file)");
    final Counter duplicates = counter("trailwatch_duplicate_events", "Deliveries dropped because their eventID was already seen");
    final Counter lateEvents = counter("trailwatch_late_events", "Events that arrived older than the watermark (processed, out of order)");
    final Counter alreadyDelivered = counter("trailwatch_alerts_already_delivered",
            "Alerts re-derived after a restart and dropped because their alertId was delivered before");
    final Counter alerts = register(Counter.builder().name("trailwatch_alerts")
            .help("Alerts produced, by rule and whether suppressed").labelNames("rule", "suppressed").build());
    final Counter ruleReloads = register(Counter.builder().name("trailwatch_rule_reloads")
            .help("Rule directory changes, by result: applied, rejected (does not compile) or failed (did not deploy)").labelNames("result").build());
    final Gauge watermarkLag = register(Gauge.builder().name("trailwatch_watermark_lag_seconds")
            .help("Wall clock minus the engine's event time").build());

    private <T extends io.prometheus.metrics.core.metrics.Metric> T register(T metric) {
        registry.register(metric);
        return metric;
    }

    private Counter counter(String name, String help) {
        return register(Counter.builder().name(name).help(help).build());
    }

    /** Registers the figures read at scrape time from the sources. */
    void watchSources(List<LiveSource> sources) {
        register(CounterWithCallback.builder().name("trailwatch_delivery_files_ignored")
                .help("Delivery files found delivered before their tree's watermark (newest delivery read minus"
                        + " ignoreOlder) and not read; each is logged once, backfill with trailwatch replay")
                .labelNames("source")
                .callback(cb -> sources.forEach(s -> {
                    if (s instanceof DeliveryTreeSource tree) {
                        cb.call(tree.ignoredFiles(), s.id());
                    }
                })).build());
    }

    /** Registers the figures read at scrape time from the engine and the sinks. */
    void watch(DetectionEngine engine, List<QueuedSink> sinks, Map<String, WebhookSink> webhooks) {
        register(CounterWithCallback.builder().name("trailwatch_pattern_cap_hits")
                .help("Times a runtime cap stopped a new partial match (detections may be missed)").labelNames("cap")
                .callback(cb -> {
                    EngineStats stats = engine.stats();
                    cb.call(stats.patternCapHits(), "pattern_subexpressions");
                    cb.call(stats.matchRecognizeCapHits(), "match_recognize_states");
                }).build());
        register(GaugeWithCallback.builder().name("trailwatch_sink_queue_depth")
                .help("Alerts waiting in each sink's queue").labelNames("sink")
                .callback(cb -> sinks.forEach(s -> cb.call(s.queueSize(), s.name()))).build());
        webhookFigure(webhooks, "trailwatch_sink_delivery_failures", "Webhook requests that failed, retried or not",
                s -> (double) s.failedAttempts(), true);
        webhookFigure(webhooks, "trailwatch_sink_retries", "Webhook requests retried after a retryable failure",
                s -> (double) s.retried(), true);
        webhookFigure(webhooks, "trailwatch_sink_rejected_alerts", "Alerts a webhook refused for good (kept in rejected/)",
                s -> (double) s.rejected(), true);
        webhookFigure(webhooks, "trailwatch_sink_spool_size", "Alerts waiting in each webhook's disk spool",
                s -> (double) s.spoolSize(), false);
    }

    private void webhookFigure(Map<String, WebhookSink> webhooks, String name, String help,
                               Function<WebhookStats, Double> figure, boolean counter) {
        if (counter) {
            register(CounterWithCallback.builder().name(name).help(help).labelNames("sink")
                    .callback(cb -> webhooks.forEach((sink, w) -> cb.call(figure.apply(w.stats()), sink))).build());
        } else {
            register(GaugeWithCallback.builder().name(name).help(help).labelNames("sink")
                    .callback(cb -> webhooks.forEach((sink, w) -> cb.call(figure.apply(w.stats()), sink))).build());
        }
    }
}

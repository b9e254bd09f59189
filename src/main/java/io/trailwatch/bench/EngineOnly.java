package io.trailwatch.bench;

import io.trailwatch.cloudtrail.CloudTrailDecoder;
import io.trailwatch.cloudtrail.CloudTrailEvent;
import io.trailwatch.cloudtrail.DecodeListener;
import io.trailwatch.engine.DetectionEngine;
import io.trailwatch.engine.EngineOptions;
import io.trailwatch.engine.RulePack;
import io.trailwatch.source.Origin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine alone: a sample of pre-decoded events, de-duplicated and sorted on event time as the reorder
 * buffer would hand them over, fed through a {@link DetectionEngine} running the full rule pack. Only the
 * feeding is timed: the rules are deployed on the first event, before the clock starts.
 */
final class EngineOnly {

    /** One timed run: events fed, detections raised, nanoseconds spent. */
    record Run(long events, long detections, long nanos) {}

    private final RulePack rules;
    private final List<CloudTrailEvent> sample;

    private EngineOnly(RulePack rules, List<CloudTrailEvent> sample) {
        this.rules = rules;
        this.sample = sample;
    }

    /** Decodes files in the given order until {@code size} distinct events are held, then sorts them. */
    static EngineOnly load(RulePack rules, List<Path> files, int size) throws IOException {
        Map<String, CloudTrailEvent> byId = new LinkedHashMap<>();
        CloudTrailDecoder decoder = new CloudTrailDecoder();
        DecodeListener collect = new DecodeListener() {
            @Override
            public void onEvent(CloudTrailEvent event, Origin origin) {
                byId.putIfAbsent(event.getEventId(), event);
            }

            @Override
            public void onBadRecord(Origin origin, String reason, String excerpt) {
                throw new IllegalStateException("the benchmark input has a bad record at " + origin + ": " + reason
                        + " (regenerate it with trailwatch generate)");
            }

            @Override
            public void onSkippedFile(String file, String reason) {
                throw new IllegalStateException("the benchmark input " + file + " was skipped: " + reason);
            }
        };
        for (int i = 0; i < files.size() && byId.size() < size; i++) {
            decoder.decode(files.get(i), collect);
        }
        List<CloudTrailEvent> sample = new ArrayList<>(byId.values());
        sample.sort(Comparator.comparingLong(CloudTrailEvent::getEventTimeMillis).thenComparing(CloudTrailEvent::getEventId));
        return new EngineOnly(rules, List.copyOf(sample.subList(0, Math.min(size, sample.size()))));
    }

    int size() {
        return sample.size();
    }

    /** Feeds the whole sample through a fresh engine, then lets time pass the longest window. */
    Run run() {
        long[] detections = {0};
        try (DetectionEngine engine = new DetectionEngine(rules, EngineOptions.defaults(), d -> detections[0]++)) {
            engine.send(sample.get(0));
            long start = System.nanoTime();
            for (int i = 1; i < sample.size(); i++) {
                engine.send(sample.get(i));
            }
            engine.finish();
            return new Run(sample.size() - 1, detections[0], System.nanoTime() - start);
        }
    }
}

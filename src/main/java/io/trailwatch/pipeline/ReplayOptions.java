package io.trailwatch.pipeline;

import io.trailwatch.alert.SuppressionConfig;
import io.trailwatch.source.ReplayInput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to replay recorded input.
 *
 * @param inputs        files (or stdin) in the order given; the result does not depend on it within the lateness
 * @param maxLateness   allowed lateness of the reorder buffer; null = unbounded (everything is sorted, the default)
 * @param suppression   maintenance windows and allowlists
 * @param decodeThreads threads decoding inputs in parallel; the result never depends on it
 * @param deadLetter    where bad records go; created only when there is one
 */
public record ReplayOptions(List<ReplayInput> inputs, Duration maxLateness,
                            SuppressionConfig suppression, int decodeThreads, Path deadLetter) {

    /** How long an eventID is remembered to drop duplicate deliveries, beyond the lateness. */
    public static final Duration DEDUP_WINDOW = Duration.ofHours(1);

    public ReplayOptions {
        inputs = List.copyOf(inputs);
    }
}

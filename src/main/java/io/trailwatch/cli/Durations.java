package io.trailwatch.cli;

import java.time.Duration;

/** A command-line option's duration, in the forms of {@link io.trailwatch.config.Durations}. */
final class Durations {

    private Durations() {}

    static Duration parse(String option, String text) throws UsageException {
        try {
            return io.trailwatch.config.Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + option + ": " + e.getMessage());
        }
    }
}

package io.trailwatch.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the spans of {@code @Rule(window = ...)} and {@code @Lookback}: EPL-style time periods such as
 * {@code '24 hours'} or {@code '1 hour 30 min'}.
 */
final class WindowText {

    private static final Pattern PART = Pattern.compile(
            "\\s*(\\d+)\\s*(days?|hours?|minutes?|min|seconds?|sec|milliseconds?|msec)\\s*");

    /** Units {@link #format} writes, largest first. */
    private static final String[] UNITS = {"hour", "minute", "second"};

    private WindowText() {}

    /** Returns the duration, or throws with the accepted form when the text is not one. */
    static Duration parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(lower);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.lookingAt()) {
            total = total.plus(unit(m.group(2)).multipliedBy(Long.parseLong(m.group(1))));
            end = m.end();
            m.region(end, lower.length());
        }
        if (end == 0 || end != lower.length() || total.isZero()) {
            throw new IllegalArgumentException("window '" + text
                    + "' is not a time period (use e.g. '5 minutes', '24 hours', '1 hour 30 min'; units day, hour, min, sec, msec)");
        }
        return total;
    }

    /** {@code span} in the form {@link #parse} reads, in its largest whole unit: {@code '36 hours'}, {@code '90 minutes'}. */
    static String format(Duration span) {
        long millis = span.toMillis();
        for (String unit : UNITS) {
            long size = unit(unit).toMillis();
            if (millis % size == 0) {
                long n = millis / size;
                return n + " " + unit + (n == 1 ? "" : "s");
            }
        }
        return millis + " msec";
    }

    private static Duration unit(String unit) {
        if (unit.startsWith("day")) {
            return Duration.ofDays(1);
        }
        if (unit.startsWith("hour")) {
            return Duration.ofHours(1);
        }
        if (unit.startsWith("min")) {
            return Duration.ofMinutes(1);
        }
        if (unit.startsWith("sec")) {
            return Duration.ofSeconds(1);
        }
        return Duration.ofMillis(1);
    }
}

package io.trailwatch.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them, the same on the command line and in configuration files: a whole number with
 * a unit ({@code 500ms}, {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}) or ISO-8601 ({@code PT15M}).
 */
public final class Durations {

    /** The forms accepted, for error messages. */
    public static final String FORMS = "500ms, 90s, 15m, 2h, 1d or PT15M";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,15})\\s*(ms|s|m|h|d)");

    private Durations() {}

    /** @throws IllegalArgumentException naming the text and the forms accepted */
    public static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(trimmed);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (use " + FORMS + ")");
        }
    }
}

package io.trailwatch.alert;

import java.util.Locale;

/** Alert severity, ordered from least to most urgent. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** Parses a severity name in any case; throws with the accepted values when it is none of them. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (use one of info, low, medium, high, critical)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

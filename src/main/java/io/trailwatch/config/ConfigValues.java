package io.trailwatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the scalar types configuration files use beyond Jackson's own: {@link Instant} (ISO-8601,
 * {@code 2024-01-02T03:04:05Z} or with an offset) and {@link Duration} ({@code 500ms}, {@code 5s},
 * {@code 2m}, {@code 1h}, a bare number of milliseconds, or ISO-8601 {@code PT5S}).
 */
final class ConfigValues {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private ConfigValues() {}

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("trailwatch-config");
        module.addDeserializer(Instant.class, new InstantDeserializer());
        module.addDeserializer(Duration.class, new DurationDeserializer());
        return module;
    }

    static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 timestamp (use 2024-01-02T03:04:05Z)");
        }
    }

    static Duration parseDuration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE_DURATION.matcher(trimmed);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            return switch (unit) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMillis(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (use 500ms, 5s, 2m, 1h or PT5S)");
        }
    }

    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return parseInstant(p.getText());
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }

    private static final class DurationDeserializer extends StdScalarDeserializer<Duration> {
        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return parseDuration(p.getText());
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }
}

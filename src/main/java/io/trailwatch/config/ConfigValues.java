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
import java.util.regex.Pattern;

/**
 * Parsers for the scalar types configuration files use beyond Jackson's own: {@link Instant} (ISO-8601,
 * {@code 2024-01-02T03:04:05Z} or with an offset) and {@link Duration} (the forms of {@link Durations}, or a
 * bare number of milliseconds).
 */
final class ConfigValues {

    private static final Pattern BARE_MILLIS = Pattern.compile("\\d{1,15}");

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

    /** A bare number is milliseconds, as configuration files have always read it; anything else {@link Durations}. */
    static Duration parseDuration(String text) {
        String trimmed = text.trim();
        return BARE_MILLIS.matcher(trimmed).matches() ? Duration.ofMillis(Long.parseLong(trimmed)) : Durations.parse(text);
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

package io.trailwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsEveryUnitAndIso() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
        assertEquals(Duration.ofMinutes(15), Durations.parse(" 15 m "));
        assertEquals(Duration.ofHours(2), Durations.parse("2H"));
        assertEquals(Duration.ofDays(7), Durations.parse("7d"));
        assertEquals(Duration.ofMinutes(15), Durations.parse("PT15M"));
    }

    @Test
    void aTextThatIsNoDurationNamesItAndTheFormsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
        assertEquals("'soon' is not a duration (use 500ms, 90s, 15m, 2h, 1d or PT15M)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("99999999999999999999d"));
    }

    @Test
    void configFilesAlsoReadABareNumberAsMilliseconds() {
        assertEquals(Duration.ofMillis(250), ConfigValues.parseDuration("250"));
        assertEquals(Duration.ofDays(1), ConfigValues.parseDuration("1d"));
    }
}

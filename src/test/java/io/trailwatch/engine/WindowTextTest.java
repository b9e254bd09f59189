package io.trailwatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowTextTest {

    @Test
    void parsesEplTimePeriods() {
        assertEquals(Duration.ofHours(24), WindowText.parse("24 hours"));
        assertEquals(Duration.ofMinutes(5), WindowText.parse("5 min"));
        assertEquals(Duration.ofMinutes(90), WindowText.parse("1 hour 30 minutes"));
        assertEquals(Duration.ofDays(1).plusSeconds(1), WindowText.parse("1 Day 1 sec"));
    }

    @Test
    void rejectsTextThatIsNotATimePeriodNamingTheValueAndTheForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WindowText.parse("a while"));
        assertTrue(e.getMessage().contains("'a while'") && e.getMessage().contains("24 hours"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WindowText.parse("5 minutes and more"));
        assertThrows(IllegalArgumentException.class, () -> WindowText.parse("0 min"));
    }

    @Test
    void writesASpanInItsLargestWholeUnitInAFormItReadsBack() {
        assertEquals("36 hours", WindowText.format(Duration.ofHours(36)));
        assertEquals("1 hour", WindowText.format(Duration.ofHours(1)));
        assertEquals("90 minutes", WindowText.format(Duration.ofMinutes(90)));
        assertEquals("61 seconds", WindowText.format(Duration.ofSeconds(61)));
        assertEquals("1500 msec", WindowText.format(Duration.ofMillis(1500)));
        for (Duration span : new Duration[] {Duration.ofHours(36), Duration.ofMinutes(1), Duration.ofMillis(1500)}) {
            assertEquals(span, WindowText.parse(WindowText.format(span)));
        }
    }
}

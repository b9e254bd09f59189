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
}

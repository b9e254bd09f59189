package io.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OutOfMemoryAdviceTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void theSuggestedHeapIsTwiceTheCurrentRoundedUp() {
        assertEquals("-Xmx128m", OutOfMemoryAdvice.largerHeap(44 * MIB));
        assertEquals("-Xmx960m", OutOfMemoryAdvice.largerHeap(455 * MIB));
        assertEquals("-Xmx1g", OutOfMemoryAdvice.largerHeap(512 * MIB));
        assertEquals("-Xmx12g", OutOfMemoryAdvice.largerHeap(6 * 1024 * MIB));
    }

    @Test
    void aBoundedReplayIsToldToRaiseTheHeapOrLowerItsBound() {
        String advice = OutOfMemoryAdvice.replay(512 * MIB, OptionalInt.of(1_234_567), "2h");

        assertTrue(advice.contains("(at most 512 MiB) filled up with 1,234,567 events in the reorder buffer (--max-lateness 2h)"), advice);
        assertTrue(advice.endsWith("JAVA_OPTS=-Xmx1g, or lower --max-lateness"), advice);
    }

    @Test
    void whenTheBufferIsNotToBlameOnlyTheHeapIsNamed() {
        assertEquals(OutOfMemoryAdvice.general(64 * MIB), OutOfMemoryAdvice.replay(64 * MIB, OptionalInt.empty(), null));
        assertTrue(OutOfMemoryAdvice.general(64 * MIB).contains("(at most 64 MiB) is too small for this run"));
    }
}

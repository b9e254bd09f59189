package io.trailwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuUseTest {

    @Test
    void theProcessCountsAtLeastTheCallingThreadAndTheRestIsWhatNoCounterNames() {
        long spin = 0;
        for (int i = 0; i < 5_000_000; i++) {
            spin += Integer.toString(i).length();
        }
        CpuUse now = CpuUse.ofThisProcess();

        assertTrue(spin > 0 && now.callerNanos() > 0, now.toString());
        assertTrue(now.processNanos() >= now.callerNanos(), now.toString());
        assertEquals(1_000_000_000L - 200_000_000L - 300_000_000L - 100_000_000L,
                new CpuUse(1_000_000_000L, 200_000_000L, 300, 100).otherNanos());
        assertEquals(0, new CpuUse(100, 200, 0, 0).otherNanos(), "never negative");
    }
}

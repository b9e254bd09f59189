package io.trailwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
                new CpuUse(1_000_000_000L, 200_000_000L, 300_000_000L, 100_000_000L).otherNanos());
        assertEquals(0, new CpuUse(100, 200, 0, 0).otherNanos(), "never negative");
    }

    @Test
    void whatReplayStatsWriteReadsBackAsTheSameUse() {
        CpuUse use = new CpuUse(25_100_000_000L, 4_400_000_000L, 6_500_000_000L, 2_000_000_000L);
        JsonNode written = new ObjectMapper().valueToTree(use.toSeconds());

        assertEquals(25.1, written.path("process").asDouble(), 1e-9);
        assertEquals(use, CpuUse.fromSeconds(written));
    }
}

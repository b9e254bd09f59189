package io.trailwatch.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.pipeline.HeapAfterGc;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapWatchTest {

    @Test
    void aFullCollectionIsSampledAndMarkedFull() throws Exception {
        try (HeapWatch watch = new HeapWatch()) {
            System.gc();
            long deadline = System.nanoTime() + 10_000_000_000L;
            // notifications arrive on a JMX thread, after the collection
            while (watch.samples().stream().noneMatch(HeapAfterGc.Collection::full) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<HeapAfterGc.Collection> samples = watch.samples();
            assertTrue(samples.stream().anyMatch(s -> s.full() && s.usedAfterGcBytes() > 0), samples.toString());
            assertTrue(watch.maxUsedAfterGcBytes() > 0);
        }
    }
}

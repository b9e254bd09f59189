package io.trailwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapGuardTest {

    private static List<MemoryPoolMXBean> oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isUsageThresholdSupported()
                        && p.isCollectionUsageThresholdSupported()).toList();
    }

    @Test
    void aFullCollectionThatLeavesTheOldGenerationOverTheThresholdStopsTheRun() throws InterruptedException {
        try (HeapGuard guard = new HeapGuard(1e-12)) {
            System.gc();
            long deadline = System.nanoTime() + 10_000_000_000L;
            boolean stopped = false;
            while (!stopped && System.nanoTime() < deadline) {
                try {
                    guard.check();
                    Thread.sleep(20);
                } catch (OutOfMemoryError e) {
                    stopped = true;
                }
            }
            assertTrue(stopped, "check() never threw after a full collection over a 1-byte threshold");
            assertThrows(OutOfMemoryError.class, guard::check, "once exhausted, the run stays stopped");
        }
    }

    @Test
    void aHeapWithRoomLetsTheRunGoOn() {
        try (HeapGuard guard = new HeapGuard(HeapGuard.EXHAUSTED)) {
            System.gc();
            assertFalse(oldGeneration().stream().anyMatch(MemoryPoolMXBean::isCollectionUsageThresholdExceeded));
            assertDoesNotThrow(guard::check);
        }
    }

    @Test
    void closingClearsTheJvmWideThreshold() {
        assertFalse(oldGeneration().isEmpty(), "this JVM's collector has no old generation pool with thresholds");
        new HeapGuard(HeapGuard.EXHAUSTED).close();
        oldGeneration().forEach(pool -> assertEquals(0, pool.getCollectionUsageThreshold(), pool.getName()));
    }
}

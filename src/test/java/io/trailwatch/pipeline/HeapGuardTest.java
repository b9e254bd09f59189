package io.trailwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeapGuardTest {

    /**
     * Collects the whole heap and returns once the JVM has reported that full collection to listeners added
     * before this call, such as a guard's: the JVM reports on its own thread, in the order listeners were added.
     */
    private static void fullCollectionReported() throws InterruptedException {
        CountDownLatch full = new CountDownLatch(1);
        boolean reported;
        try (HeapAfterGc barrier = new HeapAfterGc(collection -> {
            if (collection.full()) {
                full.countDown();
            }
        })) {
            System.gc();
            reported = full.await(10, TimeUnit.SECONDS);
        }
        assertTrue(reported, "System.gc() ran no full collection that the JVM reported within 10 s");
    }

    @Test
    void fullCollectionsInARowThatLeaveTheHeapOverTheThresholdStopTheRun() throws InterruptedException {
        try (HeapGuard guard = new HeapGuard(1e-12, 2)) {
            fullCollectionReported();
            assertDoesNotThrow(guard::check, "one full collection is not yet a trend");

            fullCollectionReported();

            assertThrows(OutOfMemoryError.class, guard::check);
            assertThrows(OutOfMemoryError.class, guard::check, "once exhausted, the run stays stopped");
        }
    }

    @Test
    void aHeapWithRoomLetsTheRunGoOn() throws InterruptedException {
        try (HeapGuard guard = new HeapGuard(HeapGuard.EXHAUSTED, 1)) {
            fullCollectionReported();

            assertDoesNotThrow(guard::check);
        }
    }

    @Test
    void aClosedGuardNoLongerWatches() throws InterruptedException {
        HeapGuard guard = new HeapGuard(1e-12, 1);
        guard.close();

        fullCollectionReported();

        assertDoesNotThrow(guard::check);
    }
}

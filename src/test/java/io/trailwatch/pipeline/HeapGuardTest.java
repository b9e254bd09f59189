package io.trailwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

class HeapGuardTest {

    /**
     * Collects the whole heap and returns once the JVM has reported that full collection to listeners added
     * before this call, such as a guard's: the JVM reports on its own thread, in the order listeners were added.
     */
    private static void fullCollectionReported() throws InterruptedException, ListenerNotFoundException {
        CountDownLatch major = new CountDownLatch(1);
        NotificationListener barrier = (n, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())
                    && GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcAction().contains("major")) {
                major.countDown();
            }
        };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(barrier, null, null);
                emitters.add(emitter);
            }
        }
        System.gc();
        boolean reported = major.await(10, TimeUnit.SECONDS);
        for (NotificationEmitter emitter : emitters) {
            emitter.removeNotificationListener(barrier);
        }
        assertTrue(reported, "System.gc() ran no full collection that the JVM reported within 10 s");
    }

    @Test
    void fullCollectionsInARowThatLeaveTheHeapOverTheThresholdStopTheRun() throws Exception {
        try (HeapGuard guard = new HeapGuard(1e-12, 2)) {
            fullCollectionReported();
            assertDoesNotThrow(guard::check, "one full collection is not yet a trend");

            fullCollectionReported();

            assertThrows(OutOfMemoryError.class, guard::check);
            assertThrows(OutOfMemoryError.class, guard::check, "once exhausted, the run stays stopped");
        }
    }

    @Test
    void aHeapWithRoomLetsTheRunGoOn() throws Exception {
        try (HeapGuard guard = new HeapGuard(HeapGuard.EXHAUSTED, 1)) {
            fullCollectionReported();

            assertDoesNotThrow(guard::check);
        }
    }

    @Test
    void aClosedGuardNoLongerWatches() throws Exception {
        HeapGuard guard = new HeapGuard(1e-12, 1);
        guard.close();

        fullCollectionReported();

        assertDoesNotThrow(guard::check);
    }
}

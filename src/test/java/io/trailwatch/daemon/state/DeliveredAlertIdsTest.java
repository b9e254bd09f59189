package io.trailwatch.daemon.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.testing.CapturedLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveredAlertIdsTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    @TempDir
    Path dir;

    @Test
    void anIdIsAFirstDeliveryOnlyOnceAcrossRestarts() throws IOException {
        StateStore store = new StateStore(dir);
        DeliveredAlertIds ids = new DeliveredAlertIds(store, Duration.ofDays(1), 1000);
        assertTrue(ids.firstDelivery("a1", 10 * HOUR));
        assertFalse(ids.firstDelivery("a1", 10 * HOUR));
        assertTrue(ids.firstDelivery("a2", 11 * HOUR));
        ids.save();

        DeliveredAlertIds restarted = new DeliveredAlertIds(new StateStore(dir), Duration.ofDays(1), 1000);
        assertFalse(restarted.firstDelivery("a1", 10 * HOUR));
        assertFalse(restarted.firstDelivery("a2", 11 * HOUR));
        assertTrue(restarted.firstDelivery("a3", 12 * HOUR));
    }

    @Test
    void aTruncatedIdFileIsReportedWithWhatItCosts() throws IOException {
        StateStore store = new StateStore(dir);
        DeliveredAlertIds ids = new DeliveredAlertIds(store, Duration.ofDays(1), 1000);
        ids.firstDelivery("a1", HOUR);
        ids.save();
        Path file = dir.resolve(DeliveredAlertIds.DOCUMENT + ".json");
        byte[] saved = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(saved, saved.length / 2));

        try (CapturedLog log = CapturedLog.capture()) {
            DeliveredAlertIds restarted = new DeliveredAlertIds(new StateStore(dir), Duration.ofDays(1), 1000);

            assertTrue(restarted.firstDelivery("a1", HOUR), "the ids are gone");
            assertTrue(log.text().contains("WARN State file " + file.toAbsolutePath() + " is not valid JSON"), log.text());
            assertTrue(log.text().contains("are delivered again"), "an operator is told the cost: " + log.text());
        }
    }

    @Test
    void idsOlderThanTheRetentionBehindTheNewestEventAreEvicted() throws IOException {
        DeliveredAlertIds ids = new DeliveredAlertIds(new StateStore(dir), Duration.ofHours(2), 1000);
        ids.firstDelivery("old", 0);
        ids.firstDelivery("recent", 2 * HOUR);
        ids.firstDelivery("newest", 3 * HOUR);

        assertEquals(2, ids.size());
        assertTrue(ids.firstDelivery("old", 0), "evicted, so counted as new");
        assertFalse(ids.firstDelivery("recent", 2 * HOUR));
    }

    @Test
    void aLongerRetentionKeepsTheIdsStillHeldForLonger() throws IOException {
        DeliveredAlertIds ids = new DeliveredAlertIds(new StateStore(dir), Duration.ofHours(2), 1000);
        ids.firstDelivery("early", HOUR);
        ids.retention(DeliveredAlertIds.retentionFor(Duration.ofHours(36), Duration.ofMinutes(15)));
        ids.firstDelivery("newest", 30 * HOUR);

        assertFalse(ids.firstDelivery("early", HOUR), "29 hours behind the newest, within 36 h + 15 min + 1 h");
        ids.retention(Duration.ofHours(2));
        ids.firstDelivery("later", 31 * HOUR);
        assertTrue(ids.firstDelivery("early", HOUR), "evicted once the retention is short again");
    }

    @Test
    void beyondTheMaximumTheOldestByEventTimeGoFirst() throws IOException {
        DeliveredAlertIds ids = new DeliveredAlertIds(new StateStore(dir), Duration.ofDays(30), 2);
        ids.firstDelivery("late-arriving-but-oldest", HOUR);
        ids.firstDelivery("newer", 3 * HOUR);
        ids.firstDelivery("middle", 2 * HOUR);

        assertEquals(2, ids.size());
        assertFalse(ids.firstDelivery("newer", 3 * HOUR));
        assertFalse(ids.firstDelivery("middle", 2 * HOUR));
    }

    @Test
    void malformedSavedIdsAreSkippedAndGoodOnesKept() throws IOException {
        Files.writeString(dir.resolve(DeliveredAlertIds.DOCUMENT + ".json"),
                "{\"ids\": {\"good\": 1000, \"bad\": \"yesterday\"}}");
        DeliveredAlertIds ids = new DeliveredAlertIds(new StateStore(dir), Duration.ofDays(1), 10);
        assertEquals(1, ids.size());
        assertFalse(ids.firstDelivery("good", 1000));

        Files.writeString(dir.resolve(DeliveredAlertIds.DOCUMENT + ".json"), "{\"ids\": [1]}");
        assertEquals(0, new DeliveredAlertIds(new StateStore(dir), Duration.ofDays(1), 10).size());
    }
}

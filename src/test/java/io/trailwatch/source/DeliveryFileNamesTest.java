package io.trailwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryFileNamesTest {

    @Test
    void readsTheTimeOfALogFileToTheSecond() {
        assertEquals("20240801T000500Z",
                DeliveryFileNames.deliveryTime("111122223333_CloudTrail_us-east-1_20240801T0005Z_Ab12Cd34.json.gz"));
        assertEquals("20240801T000512Z",
                DeliveryFileNames.deliveryTime("AWSLogs/1/CloudTrail/us-east-1/2024/08/01/1_CloudTrail_us-east-1_20240801T000512Z_x.json"));
    }

    @Test
    void readsTheTimeAtTheEndOfADigestFileName() {
        assertEquals("20240801T010000Z", DeliveryFileNames.deliveryTime(
                "111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240801T010000Z.json.gz"));
    }

    @Test
    void aNameWithoutAStampOrWithOneOnlyInADirectoryHasNone() {
        assertEquals("", DeliveryFileNames.deliveryTime("events.json"));
        assertEquals("", DeliveryFileNames.deliveryTime("x_20240801T0005Z_y/events.json"));
        assertEquals("", DeliveryFileNames.deliveryTime("1_CloudTrail_us-east-1_20240801T00050Z_x.json.gz"), "5 digits");
        assertEquals("", DeliveryFileNames.deliveryTime("1_CloudTrail_us-east-1_20240801T0005Z.json.gz.tmp"));
        assertEquals("", DeliveryFileNames.deliveryTime("1_CloudTrail_us-east-1_2024080T0005Z_x.json.gz"));
    }

    @Test
    void skipsUnderscoresThatStartNoStamp() {
        assertEquals("20240801T000500Z", DeliveryFileNames.deliveryTime("a_b_20240801_c_20240801T0005Z_d.json.gz"));
    }

    @Test
    void keysSortLikeTheTimesAndNamesWithoutOneFirst() {
        long none = DeliveryFileNames.deliveryKey("");
        long early = DeliveryFileNames.deliveryKey("20240801T000500Z");
        long late = DeliveryFileNames.deliveryKey("20241231T235959Z");
        assertEquals(20240801000500L, early);
        assertTrue(none < early && early < late);
    }

    @Test
    void anImpossibleTimeHasNoInstant() {
        assertEquals(Instant.parse("2024-08-01T00:05:00Z"), DeliveryFileNames.deliveredAt("1_CloudTrail_r_20240801T0005Z_x.json.gz"));
        assertNull(DeliveryFileNames.deliveredAt("1_CloudTrail_r_20241301T0005Z_x.json.gz"));
        assertNull(DeliveryFileNames.deliveredAt("1_CloudTrail_r_20240230T0005Z_x.json.gz"));
        assertNull(DeliveryFileNames.deliveredAt("1_CloudTrail_r_20240801T2400Z_x.json.gz"));
        assertNull(DeliveryFileNames.deliveredAt("1_CloudTrail_r_20240801T0060Z_x.json.gz"));
        assertNull(DeliveryFileNames.deliveredAt("1_CloudTrail_r_x.json.gz"));
    }

    @Test
    void aDigestFilesTimeToTheSecondAndTheEndsOfTheCalendar() {
        assertEquals(Instant.parse("2024-08-01T01:00:59Z"),
                DeliveryFileNames.deliveredAt("1_CloudTrail-Digest_r_t_r_20240801T010059Z.json.gz"));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), DeliveryFileNames.deliveredAt("1_CloudTrail_r_20240229T235959Z_x.json"));
        assertEquals(Instant.parse("0000-01-01T00:00:00Z"), DeliveryFileNames.deliveredAt("1_CloudTrail_r_00000101T0000Z_x.json"));
        assertEquals(Instant.parse("9999-12-31T23:59:00Z"), DeliveryFileNames.deliveredAt("1_CloudTrail_r_99991231T2359Z_x.json"));
    }
}

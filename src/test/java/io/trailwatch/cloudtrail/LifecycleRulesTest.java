package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code lifecycleExpiries}: the enabled rules of a {@code PutBucketLifecycle} that destroy data, and when. */
class LifecycleRulesTest {

    private static LifecycleExpiry[] expiries(String eventSource, String eventName, String rules) throws IOException {
        return Collected.decode("{\"eventID\":\"e\",\"eventName\":\"" + eventName + "\",\"eventSource\":\"" + eventSource
                + "\",\"eventTime\":\"2024-08-20T12:00:00Z\",\"requestParameters\":{\"bucketName\":\"b\","
                + "\"LifecycleConfiguration\":{\"Rule\":" + rules + "}}}").only().getLifecycleExpiries();
    }

    private static LifecycleExpiry[] expiries(String rules) throws IOException {
        return expiries("s3.amazonaws.com", "PutBucketLifecycle", rules);
    }

    private static LifecycleExpiry only(String rule) throws IOException {
        LifecycleExpiry[] all = expiries(rule);
        assertEquals(1, all.length, Arrays.toString(all));
        return all[0];
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty filter | \"Filter\":\"\" | true | ''",
        "empty prefix in filter | \"Filter\":{\"Prefix\":\"\"} | true | ''",
        "star prefix | \"Filter\":{\"Prefix\":\"*\"} | true | *",
        "legacy prefix on the rule | \"Prefix\":\"\" | true | ''",
        "no filter at all | \"ID\":\"r\" | true | ''",
        "size limits only | \"Filter\":{\"ObjectSizeGreaterThan\":\"0\"} | true | ''",
        "prefix | \"Filter\":{\"Prefix\":\"tmp/\"} | false | tmp/",
        "legacy prefix | \"Prefix\":\"logs/athena-results/\" | false | logs/athena-results/",
        "tag only | \"Filter\":{\"Tag\":{\"Key\":\"ttl\",\"Value\":\"1d\"}} | false | ''",
        "and: prefix and tags | \"Filter\":{\"And\":{\"Prefix\":\"x/\",\"Tag\":[{\"Key\":\"a\",\"Value\":\"1\"}]}} | false | x/",
    })
    void scopeOfTheRule(String name, String filter, boolean wholeBucket, String prefix) throws IOException {
        LifecycleExpiry x = only("{" + filter + ",\"Status\":\"Enabled\",\"Expiration\":{\"Days\":1}}");
        assertEquals(wholeBucket, x.isWholeBucket());
        assertEquals(prefix, x.getPrefix());
    }

    @Test
    void oneRuleAsAnObjectFromTheRealPantherRecord() throws IOException {
        Collected c = Collected.decode(Path.of("testdata", "epl", "destruction", "s3-lifecycle-expiry", "positive",
                "panther-one-day-rule-on-an-unknown-bucket", "events.json"));
        LifecycleExpiry x = c.only().getLifecycleExpiries()[0];
        assertEquals("nuke-cloudtrail-logs-after-1-day", x.getRuleId());
        assertEquals(1, x.getDaysToExpiry());
        assertFalse(x.isPurgesVersions());
        assertEquals("expires current objects after 1 day and keeps noncurrent versions, in the whole bucket"
                + " (prefix '*') (rule 'nuke-cloudtrail-logs-after-1-day')", x.getDescription());
    }

    @Test
    void severalRulesAsAnArrayKeepOnlyEnabledExpiries() throws IOException {
        LifecycleExpiry[] all = expiries("[{\"ID\":\"off\",\"Status\":\"Disabled\",\"Expiration\":{\"Days\":1}},"
                + "{\"ID\":\"mpu\",\"Status\":\"Enabled\",\"AbortIncompleteMultipartUpload\":{\"DaysAfterInitiation\":1}},"
                + "{\"ID\":\"markers\",\"Status\":\"Enabled\",\"Expiration\":{\"ExpiredObjectDeleteMarker\":true}},"
                + "{\"ID\":\"cold\",\"Status\":\"Enabled\",\"Transitions\":[{\"Days\":1,\"StorageClass\":\"GLACIER\"}]},"
                + "{\"ID\":\"versions\",\"Status\":\"Enabled\",\"Filter\":\"\",\"NoncurrentVersionExpiration\":{\"NoncurrentDays\":\"2\"}},"
                + "{\"ID\":\"both\",\"Status\":\"Enabled\",\"Filter\":\"\",\"Expiration\":{\"Days\":\"30\"},"
                + "\"NoncurrentVersionExpiration\":{\"NoncurrentDays\":5}}]");
        assertEquals(List.of("versions", "both"), Arrays.stream(all).map(LifecycleExpiry::getRuleId).toList());
        assertNull(all[0].getCurrentDays());
        assertEquals(2, all[0].getDaysToExpiry());
        assertTrue(all[0].isPurgesVersions());
        assertEquals("purges noncurrent versions after 2 days, in the whole bucket (rule 'versions')",
                all[0].getDescription());
        assertEquals(30, all[1].getCurrentDays());
        assertEquals(5, all[1].getDaysToExpiry());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "number | 3",
        "text | \"1\"",
    })
    void noncurrentExpiryThatKeepsTheNewestVersionsPurgesNothing(String name, String newer) throws IOException {
        assertEquals(0, expiries("{\"Status\":\"Enabled\",\"Filter\":\"\",\"NoncurrentVersionExpiration\":"
                + "{\"NoncurrentDays\":1,\"NewerNoncurrentVersions\":" + newer + "}}").length);
        LifecycleExpiry x = only("{\"Status\":\"Enabled\",\"Filter\":\"\",\"Expiration\":{\"Days\":1},"
                + "\"NoncurrentVersionExpiration\":{\"NoncurrentDays\":1,\"NewerNoncurrentVersions\":" + newer + "}}");
        assertFalse(x.isPurgesVersions());
        assertEquals(1, x.getCurrentDays());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "already past | 2024-01-01T00:00:00Z | 0 | on 2024-01-01T00:00:00Z (already past)",
        "later the same day | 2024-08-20T18:00:00.000Z | 1 | on 2024-08-20T18:00:00Z (in 1 day)",
        "in ten days | 2024-08-30T00:00:00Z | 10 | on 2024-08-30T00:00:00Z (in 10 days)",
    })
    void expirationDateCountsWholeDaysFromTheCall(String name, String date, int days, String text) throws IOException {
        LifecycleExpiry x = only("{\"Status\":\"Enabled\",\"Filter\":\"\",\"Expiration\":{\"Date\":\"" + date + "\"}}");
        assertEquals(days, x.getDaysToExpiry());
        assertTrue(x.getDescription().startsWith("expires current objects " + text), x.getDescription());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "days not a number | {\"Days\":\"soon\"}",
        "zero days | {\"Days\":0}",
        "negative days | {\"Days\":-3}",
        "date not a date | {\"Date\":\"tomorrow\"}",
        "expiration not an object | \"1\"",
    })
    void unreadableExpiryIsNoExpiryAndDoesNotFailTheRecord(String name, String expiration) throws IOException {
        assertEquals(0, expiries("{\"Status\":\"Enabled\",\"Expiration\":" + expiration + "}").length);
    }

    @Test
    void unreadableConfigurationsAndOtherCallsHaveNone() throws IOException {
        assertEquals(0, expiries("\"not a rule\"").length);
        assertEquals(0, expiries("[1, null, []]").length);
        assertEquals(0, expiries("s3.amazonaws.com", "GetBucketLifecycle",
                "{\"Status\":\"Enabled\",\"Expiration\":{\"Days\":1}}").length);
        assertEquals(0, expiries("ecr.amazonaws.com", "PutBucketLifecycle",
                "{\"Status\":\"Enabled\",\"Expiration\":{\"Days\":1}}").length);
    }

    @ParameterizedTest(name = "{0} overlaps {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "AWSLogs/ | AWSLogs/ | true",
        "AWS | AWSLogs/ | true",
        "AWSLogs/111122223333/ | AWSLogs/ | true",
        "org/ | org/AWSLogs/ | true",
        "athena-results/ | AWSLogs/ | false",
        "org/AWSLogs/ | AWSLogs/ | false",
    })
    void prefixOverlapsATrailLogPath(String prefix, String logPath, boolean overlaps) throws IOException {
        LifecycleExpiry x = only("{\"Status\":\"Enabled\",\"Filter\":{\"Prefix\":\"" + prefix + "\"},\"Expiration\":{\"Days\":1}}");
        assertEquals(overlaps, x.overlaps(logPath));
    }
}

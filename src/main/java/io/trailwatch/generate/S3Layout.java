package io.trailwatch.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Object keys of CloudTrail's S3 delivery: log files every 5 minutes and hourly digest files. */
final class S3Layout {

    static final String BUCKET = "acme-org-cloudtrail";
    private static final DateTimeFormatter DAY_DIR = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOG_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DIGEST_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private S3Layout() {
    }

    /** {@code AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/<acct>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<unique>.json.gz}. */
    static String logFile(String accountId, String region, long deliveryMillis, String unique) {
        Instant at = Instant.ofEpochMilli(deliveryMillis);
        return "AWSLogs/" + accountId + "/CloudTrail/" + region + "/" + DAY_DIR.format(at) + "/" + accountId
                + "_CloudTrail_" + region + "_" + LOG_STAMP.format(at) + "_" + unique + ".json.gz";
    }

    /** {@code AWSLogs/<acct>/CloudTrail-Digest/<region>/YYYY/MM/DD/<acct>_CloudTrail-Digest_<region>_<trail>_<home>_<stamp>.json.gz}. */
    static String digestFile(String accountId, String region, long endMillis) {
        Instant at = Instant.ofEpochMilli(endMillis);
        return "AWSLogs/" + accountId + "/CloudTrail-Digest/" + region + "/" + DAY_DIR.format(at) + "/" + accountId
                + "_CloudTrail-Digest_" + region + "_" + TrailScenarios.TRAIL + "_us-east-1_" + DIGEST_STAMP.format(at)
                + ".json.gz";
    }
}

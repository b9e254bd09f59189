package io.trailwatch.cloudtrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The fields of one record as read, before validation and derivation. Mutable; filled by {@link RecordReader}. */
final class RawRecord {
    String eventId;
    String eventName;
    String eventTime;
    String atTimestamp;
    String eventSource;
    String eventType;
    String awsRegion;
    String recipientAccountId;
    String sourceIPAddress;
    String userAgent;
    String errorCode;
    String errorMessage;
    Boolean readOnly;
    Map<String, Object> userIdentity;
    Map<String, Object> requestParameters;
    Map<String, Object> responseElements;
    List<String> resourceArns;
    /** Whether any key only a CloudTrail record has was present (eventID, eventName, userIdentity, ...). */
    boolean cloudTrailKeySeen;
    /** Problems with required fields found while reading (wrong JSON type), in field order; see {@link #problem}. */
    List<String> problems = List.of();

    /** Notes a problem; the list is made at the first, as most records have none. */
    void problem(String problem) {
        if (problems.isEmpty()) {
            problems = new ArrayList<>(2);
        }
        problems.add(problem);
    }

    /** Keeps the text read for a top-level key; a key with no field here ({@code eventVersion}) is dropped. */
    void text(String key, String value) {
        switch (key) {
            case "eventID" -> eventId = value;
            case "eventName" -> eventName = value;
            case "eventTime" -> eventTime = value;
            case "@timestamp" -> atTimestamp = value;
            case "eventSource" -> eventSource = value;
            case "eventType" -> eventType = value;
            case "awsRegion" -> awsRegion = value;
            case "recipientAccountId" -> recipientAccountId = value;
            case "sourceIPAddress" -> sourceIPAddress = value;
            case "userAgent" -> userAgent = value;
            case "errorCode" -> errorCode = value;
            case "errorMessage" -> errorMessage = value;
            default -> { }
        }
    }
}

package io.trailwatch.cloudtrail;

import java.util.Map;

/**
 * Validates a {@link RawRecord} and builds the {@link CloudTrailEvent} with its derived fields.
 *
 * <p>{@code eventTime} falls back to {@code @timestamp} when the record has no {@code eventTime} at all
 * (Logstash exports such as the OTRF datasets drop it); an {@code eventTime} that is present but unreadable
 * is not replaced, it makes the record bad.
 */
final class EventNormaliser {

    private static final String CONSOLE = "signin.amazonaws.com";

    /** Either an event or the reason the record is bad. */
    record Result(CloudTrailEvent event, String problem) {}

    private EventNormaliser() {}

    /** Validates {@code r} and builds its event with {@code builder}, which is cleared first and may be reused. */
    static Result normalise(RawRecord r, CloudTrailEvent.Builder builder) {
        StringBuilder problems = null;
        for (String p : r.problems) {
            problems = append(problems, p);
        }
        if (r.eventId == null && !mentions(r, "eventID")) {
            problems = append(problems, "missing eventID");
        }
        if (r.eventName == null && !mentions(r, "eventName")) {
            problems = append(problems, "missing eventName");
        }
        EventTimes.Parsed time = null;
        if (!mentions(r, "eventTime")) {
            String raw = r.eventTime != null ? r.eventTime : r.atTimestamp;
            if (raw == null) {
                problems = append(problems, "missing eventTime (and no @timestamp)");
            } else if ((time = EventTimes.parse(raw)) == null) {
                problems = append(problems, (r.eventTime != null ? "eventTime" : "@timestamp") + " '" + raw
                        + "' is not a timestamp (expected ISO-8601 such as 2024-01-02T03:04:05Z"
                        + " or 2024-11-25 17:51:21.000)");
            }
        }
        if (problems != null) {
            return new Result(null, problems.toString());
        }
        return new Result(build(r, time, builder.clear()), null);
    }

    // Split in three so that the JIT compiles three mid-sized methods: one method with every derivation
    // inlined was compiled twice per replay (a rare event's branch deoptimised it), ~0.2 s each time.
    private static CloudTrailEvent build(RawRecord r, EventTimes.Parsed time, CloudTrailEvent.Builder b) {
        Map<String, Object> id = r.userIdentity == null ? Map.of() : r.userIdentity;
        Map<String, Object> request = r.requestParameters;
        Map<String, Object> response = r.responseElements;
        String[] resourceIds = ResourceIds.of(r.eventName, request, r.resourceArns);
        b.eventId(r.eventId)
                .eventTime(time.text())
                .eventTimeMillis(time.millis())
                .eventName(r.eventName)
                .eventSource(r.eventSource)
                .eventType(r.eventType)
                .region(r.awsRegion)
                .accountId(r.recipientAccountId != null ? r.recipientAccountId : JsonValues.string(id, "accountId"))
                .sourceIPAddress(r.sourceIPAddress)
                .userAgent(r.userAgent)
                .errorCode(r.errorCode)
                .errorMessage(r.errorMessage)
                .success(r.errorCode == null && r.errorMessage == null)
                .readOnly(r.readOnly)
                .requestParameters(request)
                .responseElements(response)
                .resourceIds(resourceIds)
                .resourceCount(Math.max(1, resourceIds.length));
        identity(b, id, r.sourceIPAddress);
        if (request != null || response != null) {
            parameters(b, r, time);
        }
        if (KmsKeys.EVENT_SOURCE.equals(r.eventSource)) {
            b.kmsKeyId(KmsKeys.keyId(request, r.resourceArns));
        }
        return b.build();
    }

    /** The fields derived from {@code userIdentity} (and the source address, for service calls). */
    private static void identity(CloudTrailEvent.Builder b, Map<String, Object> id, String sourceIPAddress) {
        Principals.Identity identity = Principals.of(id);
        String identityType = JsonValues.string(id, "type");
        String invokedBy = JsonValues.string(id, "invokedBy");
        b.identityType(identityType)
                .principal(identity.principal())
                .principalArn(JsonValues.string(id, "arn"))
                .principalId(JsonValues.string(id, "principalId"))
                .accessKeyId(JsonValues.string(id, "accessKeyId"))
                .userName(identity.userName())
                .sessionName(identity.sessionName())
                .invokedBy(invokedBy)
                .serviceInitiated("AWSService".equals(identityType) || isService(invokedBy) || isService(sourceIPAddress))
                .mfaAuthenticated(isTrue(JsonValues.map(JsonValues.map(id, "sessionContext"), "attributes")));
    }

    /** The fields derived from {@code requestParameters} and {@code responseElements}, at least one present. */
    private static void parameters(CloudTrailEvent.Builder b, RawRecord r, EventTimes.Parsed time) {
        Map<String, Object> request = r.requestParameters;
        Map<String, Object> response = r.responseElements;
        if (request != null) {
            b.targetUserName(JsonValues.string(request, "userName"))
                    .targetRoleName(JsonValues.string(request, "roleName"))
                    .targetRoleArn(JsonValues.string(request, "roleArn"));
        }
        if (response != null) {
            createdIds(b, r.eventName, response);
        }
        if ("AssumeRoot".equals(r.eventName) && request != null) {
            b.assumedRootAccountId(accountOf(JsonValues.string(request, "targetPrincipal")))
                    .assumedRootTask(lastPart(JsonValues.string(request, "taskPolicyArn", "arn")));
        }
        if ("PutEventSelectors".equals(r.eventName) && "cloudtrail.amazonaws.com".equals(r.eventSource)) {
            b.selectorNarrowing(TrailSelectors.narrowing(request));
        }
        if ("PutBucketLifecycle".equals(r.eventName) && "s3.amazonaws.com".equals(r.eventSource)) {
            b.lifecycleExpiries(LifecycleRules.expiries(request, time.millis()));
        }
        if ("PutBucketVersioning".equals(r.eventName) && "s3.amazonaws.com".equals(r.eventSource)) {
            b.versioningStatus(JsonValues.string(request, "VersioningConfiguration", "Status"));
        }
    }

    private static void createdIds(CloudTrailEvent.Builder b, String eventName, Map<String, Object> response) {
        switch (eventName) {
            case "CreateUser" -> b.createdUserId(JsonValues.string(response, "user", "userId"))
                    .createdUserName(JsonValues.string(response, "user", "userName"));
            case "CreateRole" -> b.createdRoleId(JsonValues.string(response, "role", "roleId"))
                    .createdRoleName(JsonValues.string(response, "role", "roleName"))
                    .createdRoleArn(JsonValues.string(response, "role", "arn"));
            case "CreateAccessKey" -> b.createdAccessKeyId(JsonValues.string(response, "accessKey", "accessKeyId"))
                    .createdAccessKeyUser(JsonValues.string(response, "accessKey", "userName"));
            case "RunInstances" -> b.createdInstanceIds(ResourceIds.instanceItems(response));
            case "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "AssumeRoot", "GetSessionToken",
                 "GetFederationToken" ->
                    b.issuedAccessKeyId(JsonValues.string(response, "credentials", "accessKeyId"));
            default -> { }
        }
    }

    /** The account of an AssumeRoot target: an account id as given, or the account field of a principal ARN. */
    private static String accountOf(String targetPrincipal) {
        if (targetPrincipal == null || !targetPrincipal.startsWith("arn:")) {
            return targetPrincipal;
        }
        String[] parts = targetPrincipal.split(":", 6);
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : targetPrincipal;
    }

    /** What follows the last {@code /} of an ARN ({@code arn:aws:iam::aws:policy/root-task/X} → {@code X}). */
    private static String lastPart(String arn) {
        return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }

    /**
     * Whether an {@code invokedBy} or {@code sourceIPAddress} names an AWS service acting for the principal. The
     * console is not one: a person's clicks carry {@code signin.amazonaws.com} or {@code AWS Internal}.
     */
    private static boolean isService(String caller) {
        return caller != null && !CONSOLE.equals(caller)
                && (caller.endsWith(".amazonaws.com") || caller.endsWith(".amazonaws.com.cn"));
    }

    private static boolean isTrue(Map<String, Object> attributes) {
        Object v = attributes == null ? null : attributes.get("mfaAuthenticated");
        return v instanceof Boolean b ? b : v instanceof String s && s.equalsIgnoreCase("true");
    }

    private static boolean mentions(RawRecord r, String field) {
        for (String p : r.problems) {
            if (p.startsWith(field + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Adds a problem to those found so far (none: null), made only for a bad record. */
    private static StringBuilder append(StringBuilder problems, String problem) {
        return problems == null ? new StringBuilder(problem) : problems.append("; ").append(problem);
    }
}

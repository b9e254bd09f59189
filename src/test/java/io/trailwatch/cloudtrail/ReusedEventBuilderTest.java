package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The decoder builds every event of an input with one builder: nothing of a record may reach the next. */
class ReusedEventBuilderTest {

    private static final String BARE = "{\"eventID\":\"bare\",\"eventName\":\"ListBuckets\",\"eventTime\":\"2024-01-02T03:04:06Z\"}";

    /** Records that set every field a bare record leaves unset, between them. */
    private static final List<String> RICH = List.of(
            record("CreateUser", "iam.amazonaws.com", "\"errorCode\":\"Throttling\",\"errorMessage\":\"slow down\",\"readOnly\":false,"
                    + "\"sourceIPAddress\":\"ec2.amazonaws.com\",\"userAgent\":\"aws-cli\",\"recipientAccountId\":\"111122223333\","
                    + "\"awsRegion\":\"eu-west-1\",\"eventType\":\"AwsApiCall\","
                    + "\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/admin/alice\","
                    + "\"principalId\":\"AROA:alice\",\"accessKeyId\":\"ASIA1\",\"invokedBy\":\"cloudformation.amazonaws.com\","
                    + "\"sessionContext\":{\"sessionIssuer\":{\"arn\":\"arn:aws:iam::111122223333:role/admin\",\"userName\":\"admin\"},"
                    + "\"attributes\":{\"mfaAuthenticated\":\"true\"}}},"
                    + "\"requestParameters\":{\"userName\":\"mallory\",\"roleName\":\"r\",\"roleArn\":\"arn:aws:iam::111122223333:role/r\"},"
                    + "\"responseElements\":{\"user\":{\"userId\":\"AIDA1\",\"userName\":\"mallory\"}},"
                    + "\"resources\":[{\"ARN\":\"arn:aws:iam::111122223333:user/mallory\"}]"),
            record("CreateRole", "iam.amazonaws.com",
                    "\"responseElements\":{\"role\":{\"roleId\":\"AROA2\",\"roleName\":\"r\",\"arn\":\"arn:aws:iam::111122223333:role/r\"}}"),
            record("CreateAccessKey", "iam.amazonaws.com",
                    "\"responseElements\":{\"accessKey\":{\"accessKeyId\":\"AKIA3\",\"userName\":\"mallory\"}}"),
            record("RunInstances", "ec2.amazonaws.com",
                    "\"responseElements\":{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-1\"}]}}"),
            record("AssumeRole", "sts.amazonaws.com",
                    "\"responseElements\":{\"credentials\":{\"accessKeyId\":\"ASIA4\"}}"),
            record("PutEventSelectors", "cloudtrail.amazonaws.com",
                    "\"requestParameters\":{\"trailName\":\"t\",\"eventSelectors\":[{\"readWriteType\":\"All\","
                    + "\"includeManagementEvents\":false}]}"),
            record("PutBucketLifecycle", "s3.amazonaws.com",
                    "\"requestParameters\":{\"bucketName\":\"b\",\"LifecycleConfiguration\":{\"Rule\":{\"ID\":\"all\","
                    + "\"Status\":\"Enabled\",\"Filter\":{\"Prefix\":\"\"},\"Expiration\":{\"Days\":1}}}}"),
            record("PutBucketVersioning", "s3.amazonaws.com",
                    "\"requestParameters\":{\"bucketName\":\"b\",\"VersioningConfiguration\":{\"Status\":\"Suspended\"}}"),
            record("AssumeRoot", "sts.amazonaws.com",
                    "\"requestParameters\":{\"targetPrincipal\":\"222222222222\","
                    + "\"taskPolicyArn\":{\"arn\":\"arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy\"}}"),
            record("ScheduleKeyDeletion", "kms.amazonaws.com", "\"requestParameters\":{\"keyId\":\"1234abcd\"}"));

    private static String record(String eventName, String eventSource, String fields) {
        return "{\"eventID\":\"" + eventName + "\",\"eventName\":\"" + eventName + "\",\"eventSource\":\"" + eventSource
                + "\",\"eventTime\":\"2024-01-02T03:04:05Z\"," + fields + "}";
    }

    @Test
    void aRecordAfterRecordsRichInFieldsIsDecodedAsIfAlone() throws IOException {
        Map<String, Object> alone = fields(Collected.decode(BARE).only());
        StringBuilder input = new StringBuilder();
        for (String rich : RICH) {
            input.append(rich).append('\n').append(BARE).append('\n');
        }
        List<Collected.Event> events = Collected.decode(input.toString()).events;

        assertEquals(2 * RICH.size(), events.size());
        for (int i = 0; i < events.size(); i += 2) {
            Map<String, Object> rich = fields(events.get(i).event());
            assertNotEquals(alone, rich);
            assertEquals(alone, fields(events.get(i + 1).event()), "the record after " + rich.get("getEventName"));
        }
        CloudTrailEvent first = events.get(0).event();
        assertNotNull(first.getCreatedUserId());
        assertNotNull(first.getTargetRoleArn());
        assertFalse(first.isSuccess());
        assertNotNull(events.get(10).event().getSelectorNarrowing());
        assertEquals(1, events.get(12).event().getLifecycleExpiries().length);
        assertNotNull(events.get(14).event().getVersioningStatus());
        assertNotNull(events.get(16).event().getAssumedRootTask());
        assertNotNull(events.get(18).event().getKmsKeyId());
    }

    @Test
    void clearResetsEveryFieldOfTheBuilder() throws ReflectiveOperationException {
        CloudTrailEvent.Builder used = CloudTrailEvent.builder();
        Field[] fields = CloudTrailEvent.Builder.class.getDeclaredFields();
        for (Field f : fields) {
            if (!Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                f.set(used, notInitial(f.getType()));
            }
        }
        used.clear();

        CloudTrailEvent.Builder fresh = CloudTrailEvent.builder();
        for (Field f : fields) {
            if (!Modifier.isStatic(f.getModifiers())) {
                assertEquals(f.get(fresh), f.get(used), f.getName());
            }
        }
    }

    private static Object notInitial(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == int.class) {
            return 7;
        }
        if (type == long.class) {
            return 7L;
        }
        if (type == String.class) {
            return "left over";
        }
        if (type == Map.class) {
            return Map.of("left", "over");
        }
        if (type.isArray()) {
            return Array.newInstance(type.getComponentType(), 1);
        }
        throw new AssertionError("a builder field of type " + type + ": give it a value here");
    }

    /** Every getter's value, arrays as lists. */
    private static Map<String, Object> fields(CloudTrailEvent e) {
        Map<String, Object> values = new TreeMap<>();
        for (Method m : CloudTrailEvent.class.getMethods()) {
            if (m.getParameterCount() == 0 && (m.getName().startsWith("get") || m.getName().startsWith("is"))
                    && m.getDeclaringClass() == CloudTrailEvent.class) {
                try {
                    Object v = m.invoke(e);
                    values.put(m.getName(), v != null && v.getClass().isArray() ? Arrays.asList((Object[]) v) : v);
                } catch (ReflectiveOperationException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
        return values;
    }
}

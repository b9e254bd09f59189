package io.trailwatch.cloudtrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where each API call names the resources it acts on: a table of the parameter keys that hold the ids, keyed by
 * {@code eventName}, and a few calls with a shape of their own. A call in neither (or whose parameters name
 * nothing) falls back to the ARNs of the record's {@code resources}. To support another call, add one line to
 * {@link #KEYS} (or a case to {@link #named}).
 */
final class ResourceIds {

    private static final String[] NO_IDS = new String[0];
    private static final int API_DATE_DIGITS = 8;

    /** The keys where a call names its resources: the first holding an id, or a list of ids, counts. */
    private static final Map<String, String[]> KEYS = Map.ofEntries(
            keys("DeleteVolume", "volumeId"),
            keys("DeleteSnapshot", "snapshotId"),
            keys("DeregisterImage", "imageId"),
            keys("DeleteBucket", "bucketName"),
            keys("DeleteDBInstance", "dBInstanceIdentifier"),
            keys("DeleteDBCluster", "dBClusterIdentifier"),
            keys("DeleteDBSnapshot", "dBSnapshotIdentifier"),
            keys("DeleteDBClusterSnapshot", "dBClusterSnapshotIdentifier"),
            keys("DeleteDBInstanceAutomatedBackup", "dbiResourceId", "dBInstanceAutomatedBackupsArn"),
            keys("DeleteDBClusterAutomatedBackup", "dbClusterResourceId"),
            keys("DeleteFunction", "functionName"),
            keys("DeleteTable", "tableName"),
            keys("DeleteUser", "userName"),
            keys("DeleteRole", "roleName"),
            keys("DeleteTrail", "name"),
            keys("DeleteLogGroup", "logGroupName"),
            keys("DeleteKeyPair", "keyName", "keyPairId"),
            keys("DeleteSecurityGroup", "groupId", "groupName"),
            keys("DeleteCluster", "name", "cluster", "clusterIdentifier"),
            keys("DeleteRepository", "repositoryName"),
            keys("DeleteStack", "stackName"),
            keys("DeleteSecret", "secretId"),
            keys("ScheduleKeyDeletion", "keyId"),
            keys("DeleteAccessKey", "accessKeyId"));

    private ResourceIds() {}

    /** The ids the call acts on, or the {@code resources} ARNs; never null, possibly empty. */
    static String[] of(String eventName, Map<String, Object> requestParameters, List<String> resourceArns) {
        String[] ids = requestParameters == null ? NO_IDS : named(callName(eventName), requestParameters);
        if (ids.length == 0 && resourceArns != null && !resourceArns.isEmpty()) {
            return resourceArns.toArray(NO_IDS);
        }
        return ids;
    }

    // A table lookup and a switch rather than a function per call: every kind of function first met during a
    // run made the JIT recompile this method, three to four times per replay.
    private static String[] named(String call, Map<String, Object> parameters) {
        String[] keys = KEYS.get(call);
        if (keys != null) {
            return firstOf(parameters, keys);
        }
        return switch (call) {
            case "TerminateInstances", "StopInstances", "StartInstances", "RebootInstances" -> instanceItems(parameters);
            case "DeleteService" -> ecsService(parameters);
            case "DeleteObject" -> s3Object(parameters);
            case "DeleteObjects" -> s3Objects(parameters);
            default -> NO_IDS;
        };
    }

    /**
     * The event name without the API version Lambda records in it ({@code DeleteFunction20150331v2}): eight
     * digits at the end, or eight digits, {@code v} and digits. Read by hand: Lambda's reads
     * ({@code ListFunctions20150331}) are common, and a regular expression per event was the only one a replay ran.
     */
    static String callName(String eventName) {
        int digitsEnd = eventName.length();
        int suffixStart = digitsBefore(eventName, digitsEnd);
        if (suffixStart == digitsEnd) {
            return eventName;
        }
        if (suffixStart > 0 && eventName.charAt(suffixStart - 1) == 'v'
                && suffixStart - 1 - digitsBefore(eventName, suffixStart - 1) >= API_DATE_DIGITS) {
            return eventName.substring(0, suffixStart - 1 - API_DATE_DIGITS);
        }
        return digitsEnd - suffixStart >= API_DATE_DIGITS ? eventName.substring(0, digitsEnd - API_DATE_DIGITS) : eventName;
    }

    /** Where the run of ASCII digits that ends at {@code end} starts. */
    private static int digitsBefore(String s, int end) {
        int i = end;
        while (i > 0 && s.charAt(i - 1) >= '0' && s.charAt(i - 1) <= '9') {
            i--;
        }
        return i;
    }

    private static Map.Entry<String, String[]> keys(String call, String... keys) {
        return Map.entry(call, keys);
    }

    /** Ids under {@code instancesSet.items[].instanceId}; also used for the instances {@code RunInstances} creates. */
    static String[] instanceItems(Map<String, Object> parameters) {
        Map<String, Object> set = JsonValues.map(parameters, "instancesSet");
        if (set == null || !(set.get("items") instanceof List<?> items)) {
            return NO_IDS;
        }
        List<String> ids = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof Map<?, ?> m && m.get("instanceId") instanceof String id) {
                ids.add(id);
            }
        }
        return ids.toArray(NO_IDS);
    }

    private static String[] firstOf(Map<String, Object> parameters, String[] keys) {
        for (String k : keys) {
            Object v = parameters.get(k);
            if (v instanceof String s && !s.isEmpty()) {
                return new String[] {s};
            }
            if (v instanceof List<?> list) {
                return list.stream().filter(String.class::isInstance).toArray(String[]::new);
            }
        }
        return NO_IDS;
    }

    private static String[] ecsService(Map<String, Object> parameters) {
        String service = JsonValues.string(parameters, "service");
        if (service == null) {
            return NO_IDS;
        }
        String cluster = JsonValues.string(parameters, "cluster");
        return new String[] {cluster == null ? service : cluster + "/" + service};
    }

    private static String[] s3Object(Map<String, Object> parameters) {
        String bucket = JsonValues.string(parameters, "bucketName");
        String key = JsonValues.string(parameters, "key");
        return bucket == null || key == null ? NO_IDS : new String[] {bucket + "/" + key};
    }

    /** {@code delete.Object[].Key} (the S3 request body as CloudTrail records it), each as bucket/key. */
    private static String[] s3Objects(Map<String, Object> parameters) {
        Map<String, Object> delete = JsonValues.map(parameters, "delete");
        Object objects = delete == null ? null : delete.containsKey("Object") ? delete.get("Object") : delete.get("objects");
        if (objects instanceof Map<?, ?> single) {
            objects = List.of(single);
        }
        if (!(objects instanceof List<?> list)) {
            return NO_IDS;
        }
        String bucket = JsonValues.string(parameters, "bucketName");
        List<String> ids = new ArrayList<>(list.size());
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                Object key = m.containsKey("Key") ? m.get("Key") : m.get("key");
                if (key instanceof String k) {
                    ids.add(bucket == null ? k : bucket + "/" + k);
                }
            }
        }
        return ids.toArray(NO_IDS);
    }
}

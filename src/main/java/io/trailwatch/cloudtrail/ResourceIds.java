package io.trailwatch.cloudtrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where each API call names the resources it acts on. One table, keyed by {@code eventName}; a call not
 * in the table (or whose parameters name nothing) falls back to the ARNs of the record's {@code resources}.
 * To support another call, add one line to {@link #TABLE}.
 */
final class ResourceIds {

    private static final List<String> NONE = List.of();
    private static final String[] NO_IDS = new String[0];
    /** Lambda records its API version in the event name ({@code DeleteFunction20150331v2}). */
    private static final Pattern API_VERSION_SUFFIX = Pattern.compile("\\d{8}(v\\d+)?$");

    private static final Map<String, Function<Map<String, Object>, List<String>>> TABLE = Map.ofEntries(
            Map.entry("TerminateInstances", ResourceIds::instanceItems),
            Map.entry("StopInstances", ResourceIds::instanceItems),
            Map.entry("StartInstances", ResourceIds::instanceItems),
            Map.entry("RebootInstances", ResourceIds::instanceItems),
            Map.entry("DeleteVolume", key("volumeId")),
            Map.entry("DeleteSnapshot", key("snapshotId")),
            Map.entry("DeregisterImage", key("imageId")),
            Map.entry("DeleteBucket", key("bucketName")),
            Map.entry("DeleteDBInstance", key("dBInstanceIdentifier")),
            Map.entry("DeleteDBCluster", key("dBClusterIdentifier")),
            Map.entry("DeleteDBSnapshot", key("dBSnapshotIdentifier")),
            Map.entry("DeleteDBClusterSnapshot", key("dBClusterSnapshotIdentifier")),
            Map.entry("DeleteDBInstanceAutomatedBackup", key("dbiResourceId", "dBInstanceAutomatedBackupsArn")),
            Map.entry("DeleteDBClusterAutomatedBackup", key("dbClusterResourceId")),
            Map.entry("DeleteService", ResourceIds::ecsService),
            Map.entry("DeleteFunction", key("functionName")),
            Map.entry("DeleteTable", key("tableName")),
            Map.entry("DeleteUser", key("userName")),
            Map.entry("DeleteRole", key("roleName")),
            Map.entry("DeleteTrail", key("name")),
            Map.entry("DeleteLogGroup", key("logGroupName")),
            Map.entry("DeleteKeyPair", key("keyName", "keyPairId")),
            Map.entry("DeleteSecurityGroup", key("groupId", "groupName")),
            Map.entry("DeleteCluster", key("name", "cluster", "clusterIdentifier")),
            Map.entry("DeleteRepository", key("repositoryName")),
            Map.entry("DeleteStack", key("stackName")),
            Map.entry("DeleteSecret", key("secretId")),
            Map.entry("ScheduleKeyDeletion", key("keyId")),
            Map.entry("DeleteAccessKey", key("accessKeyId")),
            Map.entry("DeleteObject", ResourceIds::s3Object),
            Map.entry("DeleteObjects", ResourceIds::s3Objects));

    private ResourceIds() {}

    /** The ids the call acts on, or the {@code resources} ARNs; never null, possibly empty. */
    static String[] of(String eventName, Map<String, Object> requestParameters, List<String> resourceArns) {
        Function<Map<String, Object>, List<String>> rule = TABLE.get(eventName);
        if (rule == null && !eventName.isEmpty() && Character.isDigit(eventName.charAt(eventName.length() - 1))) {
            rule = TABLE.get(API_VERSION_SUFFIX.matcher(eventName).replaceFirst(""));
        }
        List<String> ids = rule == null || requestParameters == null ? NONE : rule.apply(requestParameters);
        if (ids.isEmpty() && resourceArns != null) {
            ids = resourceArns;
        }
        return ids.isEmpty() ? NO_IDS : ids.toArray(NO_IDS);
    }

    /** Ids under {@code instancesSet.items[].instanceId}; also used for the instances {@code RunInstances} creates. */
    static List<String> instanceItems(Map<String, Object> parameters) {
        Map<String, Object> set = JsonValues.map(parameters, "instancesSet");
        if (set == null || !(set.get("items") instanceof List<?> items)) {
            return NONE;
        }
        List<String> ids = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof Map<?, ?> m && m.get("instanceId") instanceof String id) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The first of {@code keys} holding a string (one id) or a list of strings. */
    private static Function<Map<String, Object>, List<String>> key(String... keys) {
        return parameters -> {
            for (String k : keys) {
                Object v = parameters.get(k);
                if (v instanceof String s && !s.isEmpty()) {
                    return List.of(s);
                }
                if (v instanceof List<?> list) {
                    return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
                }
            }
            return NONE;
        };
    }

    private static List<String> ecsService(Map<String, Object> parameters) {
        String service = JsonValues.string(parameters, "service");
        if (service == null) {
            return NONE;
        }
        String cluster = JsonValues.string(parameters, "cluster");
        return List.of(cluster == null ? service : cluster + "/" + service);
    }

    private static List<String> s3Object(Map<String, Object> parameters) {
        String bucket = JsonValues.string(parameters, "bucketName");
        String key = JsonValues.string(parameters, "key");
        return bucket == null || key == null ? NONE : List.of(bucket + "/" + key);
    }

    /** {@code delete.Object[].Key} (the S3 request body as CloudTrail records it), each as bucket/key. */
    private static List<String> s3Objects(Map<String, Object> parameters) {
        Map<String, Object> delete = JsonValues.map(parameters, "delete");
        Object objects = delete == null ? null : delete.containsKey("Object") ? delete.get("Object") : delete.get("objects");
        if (objects instanceof Map<?, ?> single) {
            objects = List.of(single);
        }
        if (!(objects instanceof List<?> list)) {
            return NONE;
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
        return ids;
    }
}

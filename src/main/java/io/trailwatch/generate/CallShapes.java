package io.trailwatch.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Request parameters and response elements of the calls scenarios use, shaped like real CloudTrail records
 * (field names and nesting as in the Stratus Red Team detonation logs).
 */
final class CallShapes {

    /** IAM, STS and KMS write dates in this US-English form inside response elements ("Aug 1, 2024 1:33:28 PM"). */
    private static final DateTimeFormatter IAM_DATE =
            DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    private CallShapes() {
    }

    static String iamDate(long millis) {
        return IAM_DATE.format(Instant.ofEpochMilli(millis));
    }

    static String isoSecond(long millis) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(Math.floorDiv(millis, 1000L)));
    }

    static Map<String, Object> createUserResponse(String accountId, String userName, String userId, long millis) {
        return Json.obj("user", Json.obj("path", "/", "userName", userName, "userId", userId,
                "arn", Identity.userArn(accountId, userName), "createDate", iamDate(millis)));
    }

    static Map<String, Object> createAccessKeyResponse(String userName, String accessKeyId, long millis) {
        return Json.obj("accessKey", Json.obj("userName", userName, "accessKeyId", accessKeyId, "status", "Active",
                "createDate", iamDate(millis)));
    }

    static Map<String, Object> createRoleRequest(String roleName, String trustedArn) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + trustedArn + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        return Json.obj("roleName", roleName, "assumeRolePolicyDocument", trust, "maxSessionDuration", 3600);
    }

    static Map<String, Object> createRoleResponse(String accountId, String roleName, String roleId, long millis) {
        return Json.obj("role", Json.obj("path", "/", "roleName", roleName, "roleId", roleId,
                "arn", Identity.roleArn(accountId, roleName), "createDate", iamDate(millis),
                "maxSessionDuration", 3600));
    }

    static Map<String, Object> assumeRoleResponse(String accountId, String roleName, String roleId, String sessionName,
                                                  String accessKeyId, SplittableRandom rng) {
        return Json.obj(
                "credentials", Json.obj("accessKeyId", accessKeyId, "sessionToken",
                        "IQoJb3JpZ2luX2VjE" + Ids.alnum(rng, 240), "expiration", "in 1 hour"),
                "assumedRoleUser", Json.obj("assumedRoleId", roleId + ":" + sessionName,
                        "arn", "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName));
    }

    /** The request of an {@code AssumeRoot} into {@code memberAccountId}'s root, scoped by a root-task policy. */
    static Map<String, Object> assumeRootRequest(String memberAccountId, String taskPolicy) {
        return Json.obj("targetPrincipal", memberAccountId,
                "taskPolicyArn", Json.obj("arn", "arn:aws:iam::aws:policy/root-task/" + taskPolicy),
                "durationSeconds", 900);
    }

    /** Root session credentials: AssumeRoot sessions last at most 15 minutes. */
    static Map<String, Object> assumeRootResponse(String accessKeyId, long millis, SplittableRandom rng) {
        return Json.obj("credentials", Json.obj("accessKeyId", accessKeyId, "sessionToken",
                "IQoJb3JpZ2luX2VjE" + Ids.alnum(rng, 240), "expiration", iamDate(millis + 900_000L)));
    }

    static Map<String, Object> runInstancesRequest(SplittableRandom rng, int count) {
        return Json.obj("instancesSet", Json.items(List.of(Json.obj("imageId", Ids.resourceId(rng, "ami"),
                        "minCount", count, "maxCount", count))),
                "instanceType", "t3.large", "blockDeviceMapping", Json.obj(), "monitoring", Json.obj("enabled", false),
                "disableApiTermination", false, "disableApiStop", false, "clientToken", Ids.uuid(rng),
                "subnetId", Ids.resourceId(rng, "subnet"));
    }

    static Map<String, Object> runInstancesResponse(SplittableRandom rng, String accountId, List<String> instanceIds,
                                                    long launchMillis) {
        List<Object> items = new ArrayList<>();
        for (String id : instanceIds) {
            items.add(Json.obj("instanceId", id, "imageId", Ids.resourceId(rng, "ami"),
                    "instanceState", Json.obj("code", 0, "name", "pending"), "instanceType", "t3.large",
                    "launchTime", launchMillis, "privateIpAddress", "10.0." + rng.nextInt(256) + "." + rng.nextInt(256)));
        }
        return Json.obj("requestId", Ids.uuid(rng), "reservationId", Ids.resourceId(rng, "r"), "ownerId", accountId,
                "groupSet", Json.obj(), "instancesSet", Json.items(items));
    }

    static Map<String, Object> instanceSet(List<String> instanceIds) {
        List<Object> items = new ArrayList<>();
        for (String id : instanceIds) {
            items.add(Json.obj("instanceId", id));
        }
        return Json.obj("instancesSet", Json.items(items));
    }

    static Map<String, Object> terminateResponse(List<String> instanceIds) {
        List<Object> items = new ArrayList<>();
        for (String id : instanceIds) {
            items.add(Json.obj("instanceId", id, "currentState", Json.obj("code", 32, "name", "shutting-down"),
                    "previousState", Json.obj("code", 16, "name", "running")));
        }
        return Json.obj("instancesSet", Json.items(items));
    }

    static Map<String, Object> deleteServiceRequest(String cluster, String service) {
        return Json.obj("cluster", cluster, "service", service, "force", true);
    }

    static Map<String, Object> deleteServiceResponse(String accountId, String region, String cluster, String service) {
        return Json.obj("service", Json.obj("serviceName", service, "clusterArn",
                "arn:aws:ecs:" + region + ":" + accountId + ":cluster/" + cluster, "serviceArn",
                "arn:aws:ecs:" + region + ":" + accountId + ":service/" + cluster + "/" + service, "status", "DRAINING",
                "desiredCount", 0));
    }

    static Map<String, Object> putEventSelectorsRequest(String trailName, boolean includeManagementEvents) {
        return Json.obj("trailName", trailName, "eventSelectors", Json.arr(Json.obj(
                "readWriteType", includeManagementEvents ? "All" : "ReadOnly",
                "includeManagementEvents", includeManagementEvents,
                "dataResources", Json.arr(), "excludeManagementEventSources", Json.arr())));
    }

    static String accessDenied(Identity identity, String action, String resourceArn) {
        return "User: " + identity.principalKey() + " is not authorized to perform: " + action + " on resource: "
                + resourceArn + " because no identity-based policy allows the " + action + " action";
    }
}

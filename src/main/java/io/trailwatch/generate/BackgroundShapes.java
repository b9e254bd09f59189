package io.trailwatch.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Request parameters, response elements and resources for background calls: exact shapes for the frequent calls,
 * a generic but CloudTrail-like shape (a name, a limit, an ARN) for the long tail.
 */
final class BackgroundShapes {

    private BackgroundShapes() {
    }

    static Call shape(Call call, ApiCatalog.Choice choice, Actor actor, String region, SplittableRandom rng) {
        String name = choice.eventName();
        String acct = actor.accountId();
        String svc = choice.service().key();
        switch (name) {
            case "DescribeInstances" -> call.request(Json.obj("instancesSet", Json.items(List.of(
                    Json.obj("instanceId", Ids.resourceId(rng, "i")))), "filterSet", Json.obj()));
            case "RunInstances" -> call.request(CallShapes.runInstancesRequest(rng, 1))
                    .response(CallShapes.runInstancesResponse(rng, acct, List.of(Ids.resourceId(rng, "i")), 0L));
            case "TerminateInstances" -> call.request(CallShapes.instanceSet(List.of(Ids.resourceId(rng, "i"))))
                    .response(CallShapes.terminateResponse(List.of(Ids.resourceId(rng, "i"))));
            case "DeleteVolume" -> call.request(Json.obj("volumeId", Ids.resourceId(rng, "vol")))
                    .response(Json.obj("_return", true));
            case "DeleteSnapshot" -> call.request(Json.obj("snapshotId", Ids.resourceId(rng, "snap")))
                    .response(Json.obj("_return", true));
            case "AssumeRole" -> {
                String roleName = Names.app(rng) + "-role";
                String role = Identity.roleArn(acct, roleName);
                String session = "session-" + Ids.hex(rng, 8);
                call.request(Json.obj("roleArn", role, "roleSessionName", session, "durationSeconds", 3600))
                        .response(CallShapes.assumeRoleResponse(acct, roleName, Ids.iamId(rng, "AROA"), session,
                                Ids.iamId(rng, "ASIA"), rng))
                        .resources(List.of(Json.obj("accountId", acct, "type", "AWS::IAM::Role", "ARN", role)));
            }
            case "Decrypt", "GenerateDataKey", "Encrypt" -> {
                String key = "arn:aws:kms:" + region + ":" + acct + ":key/" + Ids.uuid(rng);
                call.request(Json.obj("keyId", key, "encryptionAlgorithm", "SYMMETRIC_DEFAULT", "encryptionContext",
                        Json.obj("aws:lambda:FunctionArn", "arn:aws:lambda:" + region + ":" + acct + ":function:"
                                + Names.app(rng))))
                        .resources(List.of(Json.obj("accountId", acct, "type", "AWS::KMS::Key", "ARN", key)));
            }
            case "GetSecretValue" -> call.request(Json.obj("secretId", "arn:aws:secretsmanager:" + region + ":" + acct
                    + ":secret:" + Names.app(rng) + "/db-credentials-" + Ids.alnum(rng, 6)));
            case "GetParameter" -> call.request(Json.obj("name", "/" + Names.app(rng) + "/config/endpoint",
                    "withDecryption", rng.nextBoolean()));
            case "GetCallerIdentity", "ListBuckets", "ListUsers", "ListRoles", "DescribeRegions" -> call.request(null);
            default -> generic(call, svc, name, acct, region, rng);
        }
        return call;
    }

    private static void generic(Call call, String svc, String name, String acct, String region, SplittableRandom rng) {
        if (svc.equals("s3")) {
            String bucket = Names.bucket(rng, acct);
            String sub = name.replaceFirst("^(Get|Put)Bucket", "").replaceFirst("^(Get|Put)", "");
            call.request(Json.obj("bucketName", bucket, "Host", bucket + ".s3." + region + ".amazonaws.com",
                    sub.isEmpty() ? "location" : Character.toLowerCase(sub.charAt(0)) + sub.substring(1), ""));
            return;
        }
        String resource = Names.app(rng) + "-" + Ids.hex(rng, 6);
        if (name.startsWith("List") || name.startsWith("Describe")) {
            call.request(rng.nextBoolean() ? null : Json.obj("maxResults", 50 + 50 * rng.nextInt(4)));
        } else if (name.startsWith("Get")) {
            call.request(Json.obj(svc.equals("iam") ? "roleName" : "name", resource));
        } else {
            String arn = "arn:aws:" + svc + ":" + (svc.equals("iam") ? "" : region) + ":" + acct + ":" + resource;
            call.request(Json.obj("resourceArn", arn, "clientToken", Ids.uuid(rng),
                    "tags", Json.arr(Json.obj("key", "team", "value", Names.app(rng)))));
            if (name.startsWith("Create") || name.startsWith("Put") || name.startsWith("Update")) {
                call.response(Json.obj("arn", arn, "requestId", Ids.uuid(rng)));
            }
        }
    }
}

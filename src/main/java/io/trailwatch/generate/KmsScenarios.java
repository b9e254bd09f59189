package io.trailwatch.generate;

import java.util.List;
import java.util.Map;

/**
 * Customer managed KMS keys destroyed: one scheduled for deletion with the shortest waiting period, and one whose
 * key policy is replaced (lockout check bypassed) before it is disabled and scheduled. The look-alikes: the same
 * deletion refused (AccessDenied), a CloudFormation stack deleting its own key, Terraform retiring a key inside its
 * announced maintenance window, and a pipeline that schedules a key with the default 30 days and cancels it minutes
 * later (which the rule records at info: nothing lost, nobody paged).
 */
final class KmsScenarios {

    static final String RULE = "kms-key-deletion";
    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;

    private KmsScenarios() {
    }

    static List<ScenarioScript> all() {
        return List.of(
                ScenarioScript.attack("kms-key-scheduled-for-deletion", RULE, KmsScenarios::scheduled),
                ScenarioScript.attack("kms-key-locked-then-scheduled", RULE, KmsScenarios::lockedThenScheduled),
                ScenarioScript.benign("kms-key-deletion-denied", KmsScenarios::denied),
                ScenarioScript.benign("kms-key-deleted-with-its-cloudformation-stack", KmsScenarios::cloudFormation),
                ScenarioScript.benign("kms-key-retired-in-maintenance-window", KmsScenarios::retiredInWindow),
                ScenarioScript.benign("kms-key-deletion-cancelled-by-its-pipeline", KmsScenarios::cancelled));
    }

    private static void scheduled(ScenarioContext ctx) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        String key = Ids.uuid(ctx.rng());
        ctx.emit(schedule(ctx, p, ctx.attackerClient(), ctx.region(), ctx.start(), key, 7));
        ctx.describe(actor.principalKey(), "customer managed key " + key + " scheduled for deletion with the minimum"
                + " 7-day waiting period");
    }

    private static void lockedThenScheduled(ScenarioContext ctx) {
        String key = Ids.uuid(ctx.rng());
        int region = ctx.region();
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        Client client = ctx.attackerClient();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"owner\",\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"" + actor.principalKey() + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        ctx.emit(onKey(ctx, p, client, region, ctx.start(), "PutKeyPolicy", key, Json.obj("keyId", key,
                "policyName", "default", "policy", policy, "bypassPolicyLockoutSafetyCheck", true)));
        long t = ctx.start() + 2 * MINUTE + ctx.rng().nextLong(5 * MINUTE);
        ctx.emit(onKey(ctx, p, client, region, t, "DisableKey", key, Json.obj("keyId", key)));
        ctx.emit(schedule(ctx, p, client, region, t + MINUTE, key, 30));
        ctx.describe(actor.principalKey(), "key policy of " + key + " replaced bypassing the lockout safety check,"
                + " then the key disabled and scheduled for deletion");
    }

    private static void denied(ScenarioContext ctx) {
        Identity p = ctx.dedicatedUser("intern." + Names.person(ctx.rng()));
        int region = ctx.region();
        String key = Ids.uuid(ctx.rng());
        Call call = schedule(ctx, p, new Client(Ids.publicIp(ctx.rng()), Names.humanAgent(ctx.rng())), region,
                ctx.start(), key, 7);
        call.error("AccessDeniedException", CallShapes.accessDenied(p, "kms:ScheduleKeyDeletion", keyArn(ctx, region, key)));
        ctx.emit(call);
        ctx.describe(p.principalKey(), "deletion of key " + key + " refused (AccessDeniedException)");
    }

    private static void cloudFormation(ScenarioContext ctx) {
        Actor ci = ctx.account().first(Actor.Profile.CI);
        Identity p = ci.freshSession(ctx.start(), ctx.rng());
        String key = Ids.uuid(ctx.rng());
        ctx.emit(schedule(ctx, p, Client.service("cloudformation.amazonaws.com"), ctx.region(), ctx.start(), key, 7));
        ctx.describe(ci.principalKey(), "a preview stack deleted by CI takes its key " + key + " with it:"
                + " CloudFormation schedules the deletion");
    }

    private static void retiredInWindow(ScenarioContext ctx) {
        Actor terraform = ctx.account().first(Actor.Profile.TERRAFORM);
        Identity p = terraform.freshSession(ctx.start(), ctx.rng());
        int region = ctx.region();
        String key = Ids.uuid(ctx.rng());
        ctx.emit(onKey(ctx, p, terraform.client(), region, ctx.start(), "DisableKey", key, Json.obj("keyId", key)));
        ctx.emit(schedule(ctx, p, terraform.client(), region, ctx.start() + 20_000L, key, 30));
        ctx.describe(terraform.principalKey(), "terraform retires the key " + key + " of a decommissioned service"
                + " inside its announced maintenance window");
        ctx.maintenance(RULE, ctx.start() - 1_800_000L, ctx.start() + 5_400_000L, "key retirement, change CHG-"
                + (1000 + ctx.rng().nextInt(9000)));
    }

    private static void cancelled(ScenarioContext ctx) {
        Actor ci = ctx.account().first(Actor.Profile.CI);
        Identity p = ci.freshSession(ctx.start(), ctx.rng());
        int region = ctx.region();
        String key = Ids.uuid(ctx.rng());
        ctx.emit(schedule(ctx, p, ci.client(), region, ctx.start(), key, 30));
        long t = ctx.start() + 5 * MINUTE + ctx.rng().nextLong(10 * MINUTE);
        ctx.emit(onKey(ctx, p, ci.client(), region, t, "CancelKeyDeletion", key, Json.obj("keyId", key))
                .response(Json.obj("keyId", keyArn(ctx, region, key))));
        ctx.emit(onKey(ctx, p, ci.client(), region, t + 2_000L, "EnableKey", key, Json.obj("keyId", key)));
        ctx.describe(ci.principalKey(), "a key-rotation pipeline schedules the deletion of key " + key
                + " with 30 days, then cancels it and enables the key again");
    }

    private static Call schedule(ScenarioContext ctx, Identity p, Client client, int region, long t, String key,
                                 int days) {
        return onKey(ctx, p, client, region, t, "ScheduleKeyDeletion", key,
                Json.obj("keyId", key, "pendingWindowInDays", days))
                .response(Json.obj("keyId", keyArn(ctx, region, key), "keyState", "PendingDeletion",
                        "deletionDate", CallShapes.iamDate(t + days * DAY), "pendingWindowInDays", days));
    }

    private static Call onKey(ScenarioContext ctx, Identity p, Client client, int region, long t, String eventName,
                              String key, Map<String, Object> request) {
        return ctx.call(t, p, client, region, "kms", eventName).request(request)
                .resources(List.of(Json.obj("accountId", ctx.accountId(), "type", "AWS::KMS::Key",
                        "ARN", keyArn(ctx, region, key))));
    }

    private static String keyArn(ScenarioContext ctx, int region, String key) {
        return "arn:aws:kms:" + ctx.regionName(region) + ":" + ctx.accountId() + ":key/" + key;
    }
}

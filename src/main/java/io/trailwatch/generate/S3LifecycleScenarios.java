package io.trailwatch.generate;

import java.util.List;

/**
 * A bucket's data destroyed through a lifecycle rule (a whole-bucket expiry of one day that also purges the
 * noncurrent versions; or one that expires current objects, followed by versioning suspended so that nothing
 * expired stays restorable), and the look-alikes: scratch prefixes expiring daily beside a long retention, and the same
 * destructive configuration refused with AccessDenied.
 */
final class S3LifecycleScenarios {

    static final String RULE = "s3-lifecycle-expiry";

    private static final String S3_XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

    private S3LifecycleScenarios() {
    }

    static List<ScenarioScript> all() {
        return List.of(
                ScenarioScript.attack("s3-lifecycle-expire-whole-bucket", RULE, S3LifecycleScenarios::expireBucket),
                ScenarioScript.attack("s3-lifecycle-expire-then-suspend-versioning", RULE,
                        S3LifecycleScenarios::expireThenSuspendVersioning),
                ScenarioScript.benign("s3-lifecycle-scratch-prefixes", S3LifecycleScenarios::scratchPrefixes),
                ScenarioScript.benign("s3-lifecycle-denied", S3LifecycleScenarios::denied));
    }

    private static void expireBucket(ScenarioContext ctx) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        String bucket = Names.bucket(ctx.rng(), ctx.accountId());
        ctx.emit(put(ctx, p, ctx.attackerClient(), bucket, Json.arr(wipe())));
        ctx.describe(actor.principalKey(), "lifecycle rule expires every object and noncurrent version of bucket "
                + bucket + " after 1 day: the data is destroyed without a Delete call");
    }

    private static void expireThenSuspendVersioning(ScenarioContext ctx) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        Client client = ctx.attackerClient();
        String bucket = Names.bucket(ctx.rng(), ctx.accountId());
        ctx.emit(put(ctx, p, client, bucket, Json.arr(Json.obj("ID", "expire-all", "Filter", "", "Status", "Enabled",
                "Expiration", Json.obj("Days", 1)))));
        long suspendedAt = ctx.start() + (10 + ctx.rng().nextInt(30)) * 60_000L;
        ctx.emit(ctx.call(suspendedAt, p, client, 0, "s3", "PutBucketVersioning").request(Json.obj("bucketName", bucket,
                "host", host(ctx, bucket), "versioning", "", "VersioningConfiguration", Json.obj("Status", "Suspended",
                        "xmlns", S3_XMLNS))));
        ctx.describe(actor.principalKey(), "lifecycle rule expires every object of bucket " + bucket
                + " after 1 day, then versioning is suspended so that no expired object can be restored");
    }

    private static void scratchPrefixes(ScenarioContext ctx) {
        Actor ci = ctx.account().first(Actor.Profile.CI);
        Identity p = ci.freshSession(ctx.start(), ctx.rng());
        String bucket = Names.bucket(ctx.rng(), ctx.accountId());
        ctx.emit(put(ctx, p, ci.client(), bucket, Json.arr(
                Json.obj("ID", "athena-results", "Filter", Json.obj("Prefix", "logs/athena-results/"), "Status", "Enabled",
                        "Expiration", Json.obj("Days", 1)),
                Json.obj("ID", "tmp", "Filter", Json.obj("Prefix", "tmp/"), "Status", "Enabled",
                        "Expiration", Json.obj("Days", 1 + ctx.rng().nextInt(3))),
                Json.obj("ID", "retention", "Filter", "", "Status", "Enabled", "Expiration", Json.obj("Days", 730),
                        "NoncurrentVersionExpiration", Json.obj("NoncurrentDays", 90)))));
        ctx.describe(ci.principalKey(), "CI expires scratch prefixes of bucket " + bucket
                + " daily and keeps the rest 730 days");
    }

    private static void denied(ScenarioContext ctx) {
        Identity p = ctx.dedicatedUser("intern." + Names.person(ctx.rng()));
        String bucket = Names.bucket(ctx.rng(), ctx.accountId());
        Call call = put(ctx, p, new Client(Ids.publicIp(ctx.rng()), Names.humanAgent(ctx.rng())), bucket, Json.arr(wipe()));
        call.error("AccessDenied", "Access Denied");
        ctx.emit(call);
        ctx.describe(p.principalKey(), "whole-bucket 1-day expiry of bucket " + bucket + " refused (AccessDenied)");
    }

    private static Object wipe() {
        return Json.obj("ID", "expire-all", "Filter", "", "Status", "Enabled", "Expiration", Json.obj("Days", 1),
                "NoncurrentVersionExpiration", Json.obj("NoncurrentDays", 1));
    }

    private static Call put(ScenarioContext ctx, Identity p, Client client, String bucket, List<Object> rules) {
        return ctx.call(ctx.start(), p, client, 0, "s3", "PutBucketLifecycle").request(Json.obj("bucketName", bucket,
                "Host", host(ctx, bucket), "lifecycle", "", "LifecycleConfiguration", Json.obj("Rule", rules,
                        "xmlns", S3_XMLNS)));
    }

    private static String host(ScenarioContext ctx, String bucket) {
        return bucket + ".s3." + ctx.regionName(0) + ".amazonaws.com";
    }
}

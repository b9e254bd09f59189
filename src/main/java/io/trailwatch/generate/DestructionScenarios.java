package io.trailwatch.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Bulk destruction: one principal destroying at least ten resources within five minutes, also split between a user
 * and a role it assumed, or between a role session and an AssumeRoot root session a management-account user opened
 * in a member account, and the look-alikes a burst rule must tell apart (nine resources, failed calls, autoscaling,
 * many principals, a planned teardown, a session of the same role that another user opened, a root session used for
 * its task beside nine deletions).
 */
final class DestructionScenarios {

    static final String RULE = "bulk-destruction";
    private static final long BUCKET = 300_000L;
    /** The role AWS Organizations creates in every member account it creates, trusting the management account. */
    private static final String MEMBER_ROLE = "OrganizationAccountAccessRole";
    private static final String UNLOCK_TASK = "S3UnlockBucketPolicy";

    private DestructionScenarios() {
    }

    static List<ScenarioScript> all() {
        return List.of(
                ScenarioScript.attack("bulk-destruction-mixed", RULE, DestructionScenarios::mixed),
                ScenarioScript.attack("bulk-destruction-single-call", RULE, DestructionScenarios::singleCall),
                ScenarioScript.attack("bulk-destruction-straddling", RULE, DestructionScenarios::straddling),
                ScenarioScript.benign("bulk-destruction-nine-resources", DestructionScenarios::nine),
                ScenarioScript.benign("bulk-destruction-failed", DestructionScenarios::failed),
                ScenarioScript.benign("bulk-destruction-autoscaling", DestructionScenarios::autoscaling),
                ScenarioScript.benign("bulk-destruction-many-principals", DestructionScenarios::manyPrincipals),
                ScenarioScript.benign("bulk-destruction-terraform-teardown", DestructionScenarios::terraformTeardown),
                ScenarioScript.attack("bulk-destruction-via-assumed-role", RULE, DestructionScenarios::viaAssumedRole),
                ScenarioScript.benign("bulk-destruction-role-session-of-another-user",
                        DestructionScenarios::roleSessionOfAnotherUser),
                ScenarioScript.attack("bulk-destruction-via-assumed-root", RULE, DestructionScenarios::viaAssumedRoot),
                ScenarioScript.benign("bulk-destruction-assumed-root-for-its-task",
                        DestructionScenarios::assumedRootForItsTask));
    }

    private static void mixed(ScenarioContext ctx) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        Client client = ctx.attackerClient();
        int region = ctx.region();
        int resources = 12 + ctx.rng().nextInt(5);
        destroy(ctx, p, client, region, ctx.start(), 240_000L, resources, true, null);
        ctx.describe(actor.principalKey(), "compromised user destroys " + resources + " instances, volumes, snapshots,"
                + " buckets and databases within 4 minutes");
    }

    private static void singleCall(ScenarioContext ctx) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        List<String> ids = instanceIds(ctx, 12);
        ctx.emit(ctx.call(ctx.start(), p, ctx.attackerClient(), ctx.region(), "ec2", "TerminateInstances")
                .request(CallShapes.instanceSet(ids)).response(CallShapes.terminateResponse(ids)));
        ctx.describe(actor.principalKey(), "one TerminateInstances call terminating 12 instances");
    }

    private static void straddling(ScenarioContext ctx) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        long boundary = (Math.floorDiv(ctx.start() + 130_000L, BUCKET) + 1) * BUCKET;
        destroy(ctx, p, ctx.attackerClient(), ctx.region(), boundary - 130_000L, 250_000L, 11, false, null);
        ctx.describe(actor.principalKey(), "11 deletions in 250 s straddling the 5-minute clock boundary at "
                + CallShapes.isoSecond(boundary) + ": a tumbling window splits it");
    }

    private static void nine(ScenarioContext ctx) {
        Identity p = ctx.dedicatedUser("ops." + Names.person(ctx.rng()));
        destroy(ctx, p, new Client(Ids.publicIp(ctx.rng()), Names.humanAgent(ctx.rng())), ctx.region(), ctx.start(),
                240_000L, 9, false, null);
        ctx.describe(p.principalKey(), "cleanup of 9 resources in 4 minutes: one below the threshold");
    }

    private static void failed(ScenarioContext ctx) {
        Identity p = ctx.dedicatedUser("auditor." + Names.person(ctx.rng()));
        Client client = new Client(Ids.publicIp(ctx.rng()), Names.humanAgent(ctx.rng()));
        destroy(ctx, p, client, ctx.region(), ctx.start(), 200_000L, 12, false, "Client.UnauthorizedOperation");
        ctx.describe(p.principalKey(), "12 deletion attempts, all denied (errorCode): nothing was destroyed");
    }

    private static void autoscaling(ScenarioContext ctx) {
        Identity service = Identity.service("autoscaling.amazonaws.com");
        Client client = Client.service("autoscaling.amazonaws.com");
        int region = ctx.region();
        long t = ctx.start();
        for (int i = 0; i < 4; i++) {
            List<String> ids = instanceIds(ctx, 3);
            ctx.emit(ctx.call(t, service, client, region, "ec2", "TerminateInstances")
                    .request(CallShapes.instanceSet(ids)).response(CallShapes.terminateResponse(ids)));
            t += 30_000L + ctx.rng().nextLong(30_000L);
        }
        ctx.describe("autoscaling.amazonaws.com", "autoscaling scale-in terminates 12 instances in under 4 minutes");
    }

    private static void manyPrincipals(ScenarioContext ctx) {
        int region = ctx.region();
        List<String> who = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Identity p = ctx.dedicatedUser("dev." + Names.person(ctx.rng()) + "-" + i);
            who.add(p.principalKey());
            destroy(ctx, p, new Client(Ids.publicIp(ctx.rng()), Names.humanAgent(ctx.rng())), region,
                    ctx.start() + i * 20_000L, 150_000L, 2 + ctx.rng().nextInt(2), false, null);
        }
        ctx.describe(null, "5 principals each deleting 2-3 resources in the same 5 minutes: " + String.join(", ", who));
    }

    private static void terraformTeardown(ScenarioContext ctx) {
        Actor terraform = ctx.account().first(Actor.Profile.TERRAFORM);
        Identity p = terraform.freshSession(ctx.start(), ctx.rng());
        int resources = 15 + ctx.rng().nextInt(10);
        destroy(ctx, p, terraform.client(), ctx.region(), ctx.start(), 280_000L, resources, false, null);
        ctx.describe(terraform.principalKey(), "terraform destroy of a staging stack (" + resources
                + " resources) inside its announced maintenance window");
        ctx.maintenance(RULE, ctx.start() - 1_800_000L, ctx.start() + 5_400_000L, "staging teardown, change CHG-"
                + (1000 + ctx.rng().nextInt(9000)));
    }

    private static void viaAssumedRole(ScenarioContext ctx) {
        Identity p = ctx.dedicatedUser("contractor." + Names.person(ctx.rng()));
        Client client = ctx.attackerClient();
        int region = ctx.region();
        String roleName = "ec2-maintenance-" + Ids.hex(ctx.rng(), 4);
        destroy(ctx, p, client, region, ctx.start(), 100_000L, 6, false, null);
        Identity session = assumeRole(ctx, p, client, ctx.start() + 110_000L, roleName);
        destroy(ctx, session, client, region, ctx.start() + 120_000L, 100_000L, 6, false, null);
        ctx.describe(p.principalKey(), "compromised user destroys 6 resources itself and 6 more through role "
                + roleName + " it assumed, within 4 minutes: 6 + 6 per principal, 12 for the actor");
    }

    private static void roleSessionOfAnotherUser(ScenarioContext ctx) {
        Identity first = ctx.dedicatedUser("ops." + Names.person(ctx.rng()));
        Identity second = ctx.dedicatedUser("ops." + Names.person(ctx.rng()));
        Client client = new Client(Ids.publicIp(ctx.rng()), Names.humanAgent(ctx.rng()));
        int region = ctx.region();
        String roleName = "ec2-maintenance-" + Ids.hex(ctx.rng(), 4);
        assumeRole(ctx, first, client, ctx.start(), roleName);
        Identity session = assumeRole(ctx, second, client, ctx.start() + 5_000L, roleName);
        destroy(ctx, first, client, region, ctx.start() + 10_000L, 200_000L, 6, false, null);
        destroy(ctx, session, client, region, ctx.start() + 20_000L, 200_000L, 6, false, null);
        ctx.describe(null, first.principalKey() + " deletes 6 resources while role " + roleName
                + " deletes 6 in a session " + second.principalKey() + " opened, though both assumed the role");
    }

    private static void viaAssumedRoot(ScenarioContext ctx) {
        Account management = ctx.managementAccount();
        Actor actor = management.first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        Client client = ctx.attackerClient();
        int region = ctx.region();
        Identity memberRole = ctx.assumeRoleFrom(management, p, client, ctx.start(), MEMBER_ROLE,
                Ids.iamId(ctx.rng(), "AROA"), "session-" + Ids.hex(ctx.rng(), 8));
        Identity root = ctx.assumeRoot(management, p, client, ctx.start() + 20_000L, UNLOCK_TASK);
        destroy(ctx, memberRole, client, region, ctx.start() + 40_000L, 100_000L, 6, false, null);
        destroy(ctx, root, client, region, ctx.start() + 50_000L, 100_000L, 6, false, null);
        ctx.describe(actor.principalKey(), "compromised user of management account " + management.id()
                + " opens role " + MEMBER_ROLE + " and an AssumeRoot root session (task " + UNLOCK_TASK
                + ") in this member account and destroys 6 resources in each within 3 minutes: 6 + 6 per principal,"
                + " 12 for the actor");
    }

    private static void assumedRootForItsTask(ScenarioContext ctx) {
        Account management = ctx.managementAccount();
        Identity p = ctx.dedicatedUserIn(management, "org-admin." + Names.person(ctx.rng()));
        Client client = new Client(Ids.publicIp(ctx.rng()), Names.humanAgent(ctx.rng()));
        int region = ctx.region();
        Identity memberRole = ctx.assumeRoleFrom(management, p, client, ctx.start(), MEMBER_ROLE,
                Ids.iamId(ctx.rng(), "AROA"), "session-" + Ids.hex(ctx.rng(), 8));
        Identity root = ctx.assumeRoot(management, p, client, ctx.start() + 20_000L, UNLOCK_TASK);
        String bucket = Names.bucket(ctx.rng(), ctx.accountId());
        long t = ctx.start() + 30_000L;
        for (String eventName : List.of("GetBucketPolicy", "DeleteBucketPolicy")) {
            ctx.emit(ctx.call(t, root, client, region, "s3", eventName).request(Json.obj(
                    "bucketName", bucket, "Host", bucket + ".s3." + ctx.regionName(region) + ".amazonaws.com")));
            t += 10_000L;
        }
        destroy(ctx, memberRole, client, region, ctx.start() + 60_000L, 200_000L, 9, false, null);
        ctx.describe(p.principalKey(), "organisation admin unlocks bucket " + bucket + " through an AssumeRoot root"
                + " session (task " + UNLOCK_TASK + ") and cleans up 9 resources through role " + MEMBER_ROLE
                + ": 9 for the actor, removing a bucket policy destroys nothing");
    }

    /** Emits {@code p}'s AssumeRole into {@code roleName} at {@code t} and returns the session it opened. */
    private static Identity assumeRole(ScenarioContext ctx, Identity p, Client client, long t, String roleName) {
        String roleId = Ids.iamId(ctx.rng(), "AROA");
        String sessionName = "session-" + Ids.hex(ctx.rng(), 8);
        return ctx.assumeRole(p, client, t, roleName, roleId, sessionName);
    }

    /**
     * Emits deletions of {@code resources} resources spread over {@code spreadMillis} from {@code from}; mixes
     * instances (several per call when {@code multiInstance}), volumes, snapshots, buckets and databases.
     */
    private static void destroy(ScenarioContext ctx, Identity p, Client client, int region, long from,
                                long spreadMillis, int resources, boolean multiInstance, String errorCode) {
        List<int[]> plan = new ArrayList<>();
        for (int left = resources; left > 0; ) {
            int kind = ctx.rng().nextInt(6);
            int n = kind == 0 && multiInstance ? Math.min(left, 1 + ctx.rng().nextInt(3)) : 1;
            plan.add(new int[] {kind, n});
            left -= n;
        }
        for (int i = 0; i < plan.size(); i++) {
            long t = from + spreadMillis * i / Math.max(1, plan.size() - 1);
            Call call = deletion(ctx, p, client, region, t, plan.get(i)[0], plan.get(i)[1]);
            if (errorCode != null) {
                call.error(errorCode, CallShapes.accessDenied(p, call.action(), "*"));
            }
            ctx.emit(call);
        }
    }

    private static Call deletion(ScenarioContext ctx, Identity p, Client client, int region, long t, int kind, int n) {
        String regionName = ctx.regionName(region);
        return switch (kind) {
            case 0 -> {
                List<String> ids = instanceIds(ctx, n);
                yield ctx.call(t, p, client, region, "ec2", "TerminateInstances").request(CallShapes.instanceSet(ids))
                        .response(CallShapes.terminateResponse(ids));
            }
            case 1, 5 -> ctx.call(t, p, client, region, "ec2", "DeleteVolume")
                    .request(Json.obj("volumeId", Ids.resourceId(ctx.rng(), "vol"))).response(Json.obj("_return", true));
            case 2 -> ctx.call(t, p, client, region, "ec2", "DeleteSnapshot")
                    .request(Json.obj("snapshotId", Ids.resourceId(ctx.rng(), "snap")))
                    .response(Json.obj("_return", true));
            case 3 -> {
                String bucket = Names.bucket(ctx.rng(), ctx.accountId());
                yield ctx.call(t, p, client, region, "s3", "DeleteBucket").request(Json.obj("bucketName", bucket,
                        "Host", bucket + ".s3." + regionName + ".amazonaws.com"));
            }
            default -> {
                String db = Names.app(ctx.rng()) + "-db-" + Ids.hex(ctx.rng(), 4);
                yield ctx.call(t, p, client, region, "rds", "DeleteDBInstance")
                        .request(Json.obj("dBInstanceIdentifier", db, "skipFinalSnapshot", true,
                                "deleteAutomatedBackups", true))
                        .response(Json.obj("dBInstanceIdentifier", db, "dBInstanceStatus", "deleting",
                                "dBInstanceArn", "arn:aws:rds:" + regionName + ":" + ctx.accountId() + ":db:" + db));
            }
        };
    }

    private static List<String> instanceIds(ScenarioContext ctx, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Ids.resourceId(ctx.rng(), "i"));
        }
        return ids;
    }
}

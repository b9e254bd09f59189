package io.trailwatch.generate;

import java.util.ArrayList;
import java.util.List;

/** Short-lived instances, ECS service deletion bursts and AMI deregistration (with recycle-bin tampering). */
final class ResourceScenarios {

    static final String INSTANCE_RULE = "instance-create-terminate";
    static final String ECS_RULE = "ecs-service-delete-burst";
    static final String AMI_RULE = "ami-deregistration";
    private static final long MINUTE = 60_000L;

    private ResourceScenarios() {
    }

    static List<ScenarioScript> all() {
        return List.of(
                ScenarioScript.attack("instance-create-terminate", INSTANCE_RULE, ResourceScenarios::createTerminate),
                ScenarioScript.benign("instance-terminated-by-other", ResourceScenarios::terminatedByOther),
                ScenarioScript.benign("instance-terminated-after-hour", ResourceScenarios::terminatedLate),
                ScenarioScript.attack("ecs-service-delete-burst", ECS_RULE, ResourceScenarios::ecsBurst),
                ScenarioScript.benign("ecs-service-delete-spread", ResourceScenarios::ecsSpread),
                ScenarioScript.attack("ami-deregistration", AMI_RULE, ctx -> deregister(ctx, null)),
                ScenarioScript.attack("ami-deregistration-rbin-delete-rule", AMI_RULE, ctx -> deregister(ctx, "DeleteRule")),
                ScenarioScript.attack("ami-deregistration-rbin-update-rule", AMI_RULE, ctx -> deregister(ctx, "UpdateRule")));
    }

    private static void createTerminate(ScenarioContext ctx) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        Client client = ctx.attackerClient();
        int region = ctx.region();
        List<String> ids = run(ctx, p, client, region, ctx.start(), 1 + ctx.rng().nextInt(3));
        terminate(ctx, p, client, region, ctx.start() + 10 * MINUTE + ctx.rng().nextLong(40 * MINUTE), ids);
        ctx.describe(actor.principalKey(), "instances launched (e.g. for mining) and terminated by the same principal"
                + " within the hour");
    }

    private static void terminatedByOther(ScenarioContext ctx) {
        Actor ci = ctx.account().first(Actor.Profile.CI);
        Identity p = ci.freshSession(ctx.start(), ctx.rng());
        int region = ctx.region();
        List<String> ids = run(ctx, p, ci.client(), region, ctx.start(), 2);
        Identity other = ctx.dedicatedUser("oncall." + Names.person(ctx.rng()));
        terminate(ctx, other, new Client(Ids.publicIp(ctx.rng()), Names.humanAgent(ctx.rng())), region,
                ctx.start() + 15 * MINUTE + ctx.rng().nextLong(30 * MINUTE), ids);
        ctx.describe(ci.principalKey(), "CI launches test instances; on-call engineer " + other.principalKey()
                + " terminates them");
    }

    private static void terminatedLate(ScenarioContext ctx) {
        Actor ci = ctx.account().first(Actor.Profile.CI);
        Identity p = ci.freshSession(ctx.start(), ctx.rng());
        int region = ctx.region();
        List<String> ids = run(ctx, p, ci.client(), region, ctx.start(), 1);
        long end = ctx.start() + 70 * MINUTE + ctx.rng().nextLong(110 * MINUTE);
        terminate(ctx, ci.freshSession(end, ctx.rng()), ci.client(), region, end, ids);
        ctx.describe(ci.principalKey(), "CI launches an instance and terminates it after more than an hour");
    }

    private static void ecsBurst(ScenarioContext ctx) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        Client client = ctx.attackerClient();
        int region = ctx.region();
        String cluster = "prod-" + Names.app(ctx.rng());
        int services = 6 + ctx.rng().nextInt(5);
        for (int i = 0; i < services; i++) {
            deleteService(ctx, p, client, region, ctx.start() + i * (10_000L + ctx.rng().nextLong(10_000L)), cluster,
                    Names.app(ctx.rng()) + "-svc-" + i);
        }
        ctx.describe(actor.principalKey(), services + " ECS services of cluster " + cluster + " deleted in minutes");
    }

    private static void ecsSpread(ScenarioContext ctx) {
        Actor ci = ctx.account().first(Actor.Profile.CI);
        Identity p = ci.freshSession(ctx.start(), ctx.rng());
        int region = ctx.region();
        String cluster = "staging-" + Names.app(ctx.rng());
        deleteService(ctx, p, ci.client(), region, ctx.start(), cluster, "preview-" + Ids.hex(ctx.rng(), 4));
        deleteService(ctx, p, ci.client(), region, ctx.start() + 20 * MINUTE, cluster, "preview-" + Ids.hex(ctx.rng(), 4));
        ctx.describe(ci.principalKey(), "CI removes two preview services 20 minutes apart");
    }

    private static void deregister(ScenarioContext ctx, String rbinCall) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        Client client = ctx.attackerClient();
        int region = ctx.region();
        long t = ctx.start();
        if (rbinCall != null) {
            String ruleId = Ids.alnum(ctx.rng(), 11);
            Call call = ctx.call(t, p, client, region, "rbin", rbinCall);
            if (rbinCall.equals("UpdateRule")) {
                call.request(Json.obj("identifier", ruleId, "retentionPeriod",
                        Json.obj("retentionPeriodValue", 1, "retentionPeriodUnit", "DAYS"), "resourceType", "EC2_IMAGE"));
            } else {
                call.request(Json.obj("identifier", ruleId));
            }
            ctx.emit(call);
            t += MINUTE + ctx.rng().nextLong(3 * MINUTE);
        }
        String imageId = Ids.resourceId(ctx.rng(), "ami");
        ctx.emit(ctx.call(t, p, client, region, "ec2", "DeregisterImage").request(Json.obj("imageId", imageId))
                .response(Json.obj("_return", true)));
        List<String> snapshots = new ArrayList<>();
        if (rbinCall != null) {
            for (int i = 0; i < 1 + ctx.rng().nextInt(2); i++) {
                String snap = Ids.resourceId(ctx.rng(), "snap");
                snapshots.add(snap);
                ctx.emit(ctx.call(t + 20_000L * (i + 1), p, client, region, "ec2", "DeleteSnapshot")
                        .request(Json.obj("snapshotId", snap)).response(Json.obj("_return", true)));
            }
        }
        ctx.describe(actor.principalKey(), "AMI " + imageId + " deregistered"
                + (rbinCall == null ? "" : " after rbin " + rbinCall + ", then its snapshots " + snapshots + " deleted"));
    }

    private static List<String> run(ScenarioContext ctx, Identity p, Client client, int region, long t, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Ids.resourceId(ctx.rng(), "i"));
        }
        ctx.emit(ctx.call(t, p, client, region, "ec2", "RunInstances")
                .request(CallShapes.runInstancesRequest(ctx.rng(), count))
                .response(CallShapes.runInstancesResponse(ctx.rng(), ctx.accountId(), ids, t)));
        return ids;
    }

    private static void terminate(ScenarioContext ctx, Identity p, Client client, int region, long t, List<String> ids) {
        ctx.emit(ctx.call(t, p, client, region, "ec2", "TerminateInstances").request(CallShapes.instanceSet(ids))
                .response(CallShapes.terminateResponse(ids)));
    }

    private static void deleteService(ScenarioContext ctx, Identity p, Client client, int region, long t,
                                      String cluster, String service) {
        ctx.emit(ctx.call(t, p, client, region, "ecs", "DeleteService")
                .request(CallShapes.deleteServiceRequest(cluster, service))
                .response(CallShapes.deleteServiceResponse(ctx.accountId(), ctx.regionName(region), cluster, service)));
    }
}

package io.trailwatch.generate;

import java.util.List;

/** Impairing CloudTrail itself: stopping, deleting or narrowing the trail, and the look-alikes that do not. */
final class TrailScenarios {

    static final String RULE = "cloudtrail-logging-impaired";
    static final String TRAIL = "acme-org-trail";

    private TrailScenarios() {
    }

    static List<ScenarioScript> all() {
        return List.of(
                ScenarioScript.attack("cloudtrail-stop-logging", RULE, ctx -> impair(ctx, "StopLogging", null)),
                ScenarioScript.attack("cloudtrail-delete-trail", RULE, ctx -> impair(ctx, "DeleteTrail", null)),
                ScenarioScript.attack("cloudtrail-update-trail", RULE, ctx -> impair(ctx, "UpdateTrail", null)),
                ScenarioScript.attack("cloudtrail-event-selectors-exclude-management", RULE,
                        ctx -> impair(ctx, "PutEventSelectors", null)),
                ScenarioScript.benign("cloudtrail-stop-logging-denied",
                        ctx -> impair(ctx, "StopLogging", "AccessDenied")),
                ScenarioScript.benign("cloudtrail-event-selectors-include-management", TrailScenarios::selectorsKept));
    }

    private static void impair(ScenarioContext ctx, String eventName, String errorCode) {
        Actor actor = ctx.account().first(Actor.Profile.HUMAN);
        Identity p = actor.identityAt(ctx.start(), ctx.rng());
        String trailArn = "arn:aws:cloudtrail:us-east-1:" + ctx.accountId() + ":trail/" + TRAIL;
        Call call = ctx.call(ctx.start(), p, ctx.attackerClient(), 0, "cloudtrail", eventName);
        switch (eventName) {
            case "UpdateTrail" -> call.request(Json.obj("name", TRAIL, "s3BucketName",
                    "backup-logs-" + Ids.hex(ctx.rng(), 8), "isMultiRegionTrail", false, "includeGlobalServiceEvents",
                    false)).response(Json.obj("name", TRAIL, "trailARN", trailArn, "isMultiRegionTrail", false));
            case "PutEventSelectors" -> call.request(CallShapes.putEventSelectorsRequest(trailArn, false))
                    .response(Json.obj("trailARN", trailArn));
            default -> call.request(Json.obj("name", trailArn));
        }
        if (errorCode != null) {
            call.error(errorCode, CallShapes.accessDenied(p, call.action(), trailArn));
        }
        ctx.emit(call);
        ctx.describe(actor.principalKey(), errorCode == null ? eventName + " on the organisation trail"
                : eventName + " attempt denied (" + errorCode + "): logging never stopped");
    }

    private static void selectorsKept(ScenarioContext ctx) {
        Actor admin = ctx.account().first(Actor.Profile.ADMIN);
        Identity p = admin.freshSession(ctx.start(), ctx.rng());
        String trailArn = "arn:aws:cloudtrail:us-east-1:" + ctx.accountId() + ":trail/" + TRAIL;
        ctx.emit(ctx.call(ctx.start(), p, admin.client(), 0, "cloudtrail", "PutEventSelectors")
                .request(CallShapes.putEventSelectorsRequest(trailArn, true)).response(Json.obj("trailARN", trailArn)));
        ctx.describe(admin.principalKey(), "admin adjusts event selectors and keeps management events");
    }
}

package io.trailwatch.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Everyday activity, in time order: {@code count} calls spread evenly (with jitter) over the span, by weighted
 * accounts, actors and regions, about 2% of them failing.
 */
final class BackgroundTraffic {

    private static final double FAILURE_SHARE = 0.02;
    private static final List<String> GENERIC_ERRORS = List.of("AccessDenied", "AccessDenied", "AccessDenied",
            "ThrottlingException", "ValidationException");
    private final World world;
    private final ApiCatalog catalog = new ApiCatalog();
    private final SplittableRandom rng;
    private final long startMillis;
    private final long spanMillis;
    private final long count;
    private long produced;
    private long nextTime;

    BackgroundTraffic(World world, long startMillis, long spanMillis, long count, SplittableRandom rng) {
        this.world = world;
        this.rng = rng;
        this.startMillis = startMillis;
        this.spanMillis = spanMillis;
        this.count = count;
        this.nextTime = timeOf(0);
    }

    boolean hasNext() {
        return produced < count;
    }

    long peekTime() {
        return nextTime;
    }

    ApiEvent next() {
        long t = nextTime;
        produced++;
        nextTime = timeOf(produced);
        Account account = world.pickAccount(rng);
        Actor actor = account.pickActor(rng);
        ApiCatalog.Choice choice = catalog.pick(actor.profile(), rng);
        if (ApiCatalog.EVERYDAY_DELETES.contains(choice.eventName())) {
            if (actor.mayDestroyAt(t)) {
                actor.destroyedAt(t);
            } else {
                choice = new ApiCatalog.Choice(ApiCatalog.SERVICES.get("ec2"), "DescribeInstances", true);
            }
        }
        int region = world.pickRegion(rng);
        Identity identity = actor.identityAt(t, rng);
        Call call = new Call(world, t, account.index(), region, identity, actor.client(), choice.service().key(),
                choice.eventName()).readOnly(choice.readOnly());
        BackgroundShapes.shape(call, choice, actor, world.regions().get(region), rng);
        if (!identity.isService() && rng.nextDouble() < FAILURE_SHARE) {
            String code = errorCode(choice.service().key(), choice.eventName());
            call.error(code, errorMessage(code, identity, call));
        }
        return call.build(rng);
    }

    private String errorCode(String service, String eventName) {
        if (service.equals("ec2")) {
            return rng.nextBoolean() ? "Client.UnauthorizedOperation" : "Client.RequestLimitExceeded";
        }
        if (service.equals("iam") && eventName.startsWith("Get")) {
            return rng.nextBoolean() ? "NoSuchEntityException" : "AccessDenied";
        }
        return Names.pick(rng, GENERIC_ERRORS);
    }

    private String errorMessage(String code, Identity identity, Call call) {
        return switch (code) {
            case "ThrottlingException", "Client.RequestLimitExceeded" -> "Rate exceeded";
            case "ValidationException" -> "1 validation error detected: Value at 'maxResults' failed to satisfy"
                    + " constraint: Member must have value less than or equal to 100";
            case "NoSuchEntityException" -> "The user with name " + Names.person(rng) + " cannot be found.";
            default -> CallShapes.accessDenied(identity, call.action(), "*");
        };
    }

    /** Even spacing with jitter inside each slot keeps times non-decreasing without sorting. */
    private long timeOf(long index) {
        if (index >= count) {
            return Long.MAX_VALUE;
        }
        double slot = (double) spanMillis / count;
        return startMillis + (long) ((index + rng.nextDouble()) * slot);
    }
}

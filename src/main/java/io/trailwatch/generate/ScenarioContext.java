package io.trailwatch.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** What a {@link ScenarioScript} plays against: its account, start time and random source; collects its events. */
final class ScenarioContext {

    private final World world;
    private final Account account;
    private final long startMillis;
    private final SplittableRandom rng;
    private final List<ApiEvent> events = new ArrayList<>();
    private String principal;
    private String note = "";
    private String suppressedRuleId;
    private MaintenanceWindow window;

    ScenarioContext(World world, Account account, long startMillis, SplittableRandom rng) {
        this.world = world;
        this.account = account;
        this.startMillis = startMillis;
        this.rng = rng;
    }

    Account account() {
        return account;
    }

    String accountId() {
        return account.id();
    }

    SplittableRandom rng() {
        return rng;
    }

    long start() {
        return startMillis;
    }

    /** A random region index; global calls are moved to us-east-1 by {@link Call}. */
    int region() {
        return rng.nextInt(world.regions().size());
    }

    String regionName(int region) {
        return world.regions().get(region);
    }

    Call call(long millis, Identity identity, Client client, int region, String service, String eventName) {
        return callIn(account, millis, identity, client, region, service, eventName);
    }

    /** A call logged in {@code where}'s trail, such as the STS call of a caller from another account. */
    private Call callIn(Account where, long millis, Identity identity, Client client, int region, String service,
                        String eventName) {
        return new Call(world, millis, where.index(), region, identity, client, service, eventName);
    }

    /**
     * The account that stands for the organisation's management account when a scenario opens sessions into this
     * one from there: the first other account, or this one in a one-account world (where AWS would refuse an
     * AssumeRoot, which targets member accounts only; the records still show the link).
     */
    Account managementAccount() {
        return world.accounts().stream().filter(a -> a != account).findFirst().orElse(account);
    }

    ApiEvent emit(Call call) {
        ApiEvent event = call.build(rng);
        if (event.timeMillis() < startMillis) {
            throw new IllegalStateException("scenario event " + event.eventName() + " at " + event.timeMillis()
                    + " precedes its scenario start " + startMillis + ": events are merged in time order from the start");
        }
        events.add(event);
        return event;
    }

    /**
     * Emits {@code caller}'s AssumeRole of {@code roleName} at {@code millis}, with the session key it issues,
     * and returns the session it opened, whose calls are signed with that key.
     */
    Identity assumeRole(Identity caller, Client client, long millis, String roleName, String roleId, String sessionName) {
        return assumeRoleFrom(account, caller, client, millis, roleName, roleId, sessionName);
    }

    /**
     * As {@link #assumeRole}, for a caller of {@code callerAccount}: the AssumeRole is logged in that account's trail,
     * the role and its session are this account's.
     */
    Identity assumeRoleFrom(Account callerAccount, Identity caller, Client client, long millis, String roleName,
                            String roleId, String sessionName) {
        String roleArn = Identity.roleArn(accountId(), roleName);
        String sessionKey = Ids.iamId(rng, "ASIA");
        emit(callIn(callerAccount, millis, caller, client, 0, "sts", "AssumeRole")
                .request(Json.obj("roleArn", roleArn, "roleSessionName", sessionName, "durationSeconds", 3600))
                .response(CallShapes.assumeRoleResponse(accountId(), roleName, roleId, sessionName, sessionKey, rng))
                .resources(List.of(Json.obj("accountId", accountId(), "type", "AWS::IAM::Role", "ARN", roleArn))));
        return Identity.roleSession(accountId(), roleName, roleId, sessionName, sessionKey, CallShapes.isoSecond(millis),
                false);
    }

    /**
     * Emits, in {@code callerAccount}'s trail, {@code caller}'s AssumeRoot of this account's root user scoped by the
     * root-task policy {@code taskPolicy} ({@code S3UnlockBucketPolicy}), and returns the root session it opened.
     */
    Identity assumeRoot(Account callerAccount, Identity caller, Client client, long millis, String taskPolicy) {
        String sessionKey = Ids.iamId(rng, "ASIA");
        emit(callIn(callerAccount, millis, caller, client, 0, "sts", "AssumeRoot").readOnly(true)
                .request(CallShapes.assumeRootRequest(accountId(), taskPolicy))
                .response(CallShapes.assumeRootResponse(sessionKey, millis, rng)));
        return Identity.assumedRoot(accountId(), sessionKey, CallShapes.isoSecond(millis));
    }

    /** An attacker's client: an unfamiliar IP and tooling user agent. */
    Client attackerClient() {
        return new Client(Ids.publicIp(rng), Names.attackerAgent(rng));
    }

    /** A dedicated IAM user for a look-alike, so background activity of shared actors cannot blur the counts. */
    Identity dedicatedUser(String name) {
        return dedicatedUserIn(account, name);
    }

    /** A dedicated IAM user of {@code where}, for a look-alike that acts from another account. */
    Identity dedicatedUserIn(Account where, String name) {
        return Identity.iamUser(where.id(), name, Ids.iamId(rng, "AIDA"), Ids.iamId(rng, "AKIA"));
    }

    Identity dedicatedRoleSession(String roleName, long millis) {
        return new Actor(Actor.Profile.APP, accountId(), roleName, Ids.iamId(rng, "AROA"), null,
                null, 1.0).freshSession(millis, rng);
    }

    void describe(String principalKey, String text) {
        this.principal = principalKey;
        this.note = text;
    }

    /** Declares the maintenance window that covers this look-alike and the rule it is expected to suppress. */
    void maintenance(String ruleId, long fromMillis, long toMillis, String reason) {
        this.suppressedRuleId = ruleId;
        this.window = new MaintenanceWindow(null, accountId(), principal, ruleId, fromMillis, toMillis, reason);
    }

    List<ApiEvent> events() {
        return events;
    }

    String principal() {
        return principal;
    }

    String note() {
        return note;
    }

    String suppressedRuleId() {
        return suppressedRuleId;
    }

    MaintenanceWindow window() {
        return window;
    }
}

package io.trailwatch.generate;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * A principal of the simulated organisation: an IAM user, a role whose sessions rotate hourly, an AWS service or the
 * root user. Holds the only mutable state of background traffic (the current session and the last destructive call).
 */
final class Actor {

    /** What an actor typically does; drives which services it calls and how often. */
    enum Profile { HUMAN, ADMIN, CI, APP, TERRAFORM, AUTOSCALING, CONFIG, ROOT }

    private static final long SESSION_MILLIS = 3_600_000L;
    private final Profile profile;
    private final String accountId;
    private final String name;
    private final String uniqueId;
    private final Client client;
    private final double weight;
    private final String longTermKey;
    private Identity current;
    private long sessionEndMillis = Long.MIN_VALUE;
    private long lastDestructiveMillis = Long.MIN_VALUE;

    /** {@code longTermKey} is the AKIA key of a user or root; roles and services sign with session keys instead. */
    Actor(Profile profile, String accountId, String name, String uniqueId, String longTermKey,
          Client client, double weight) {
        this.longTermKey = longTermKey;
        this.profile = profile;
        this.accountId = accountId;
        this.name = name;
        this.uniqueId = uniqueId;
        this.client = client;
        this.weight = weight;
    }

    Profile profile() {
        return profile;
    }

    String accountId() {
        return accountId;
    }

    /** User name, role name or service host. */
    String name() {
        return name;
    }

    Client client() {
        return client;
    }

    double weight() {
        return weight;
    }

    boolean isRole() {
        return profile == Profile.ADMIN || profile == Profile.CI || profile == Profile.APP || profile == Profile.TERRAFORM;
    }

    /** The stable actor key, as in {@link Identity#principalKey()}. */
    String principalKey() {
        return switch (profile) {
            case HUMAN -> Identity.userArn(accountId, name);
            case ROOT -> "arn:aws:iam::" + accountId + ":root";
            case AUTOSCALING, CONFIG -> name;
            default -> Identity.roleArn(accountId, name);
        };
    }

    /** The identity calls carry at {@code millis}: a role gets a fresh session (name and key) every hour. */
    Identity identityAt(long millis, SplittableRandom rng) {
        if (current == null || (isRole() && millis >= sessionEndMillis)) {
            current = newIdentity(millis, rng);
            sessionEndMillis = millis + SESSION_MILLIS;
        }
        return current;
    }

    /** A session of this role started at {@code millis}, independent of the background session (for scenarios). */
    Identity freshSession(long millis, SplittableRandom rng) {
        return isRole() ? newIdentity(millis, rng) : identityAt(millis, rng);
    }

    /** Background deletions are spaced out per actor so everyday traffic never looks like a burst. */
    boolean mayDestroyAt(long millis) {
        return millis - lastDestructiveMillis >= 120_000L;
    }

    void destroyedAt(long millis) {
        lastDestructiveMillis = millis;
    }

    private Identity newIdentity(long millis, SplittableRandom rng) {
        return switch (profile) {
            case HUMAN -> Identity.iamUser(accountId, name, uniqueId, longTermKey);
            case ROOT -> Identity.root(accountId, longTermKey);
            case AUTOSCALING, CONFIG -> Identity.service(name);
            default -> Identity.roleSession(accountId, name, uniqueId, sessionName(millis, rng), Ids.iamId(rng, "ASIA"),
                    DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(Math.floorDiv(millis, 1000L))),
                    profile == Profile.ADMIN);
        };
    }

    private String sessionName(long millis, SplittableRandom rng) {
        return switch (profile) {
            case ADMIN -> Names.email(rng);
            case CI -> (name.startsWith("github") ? "GitHubActions-" : "ci-build-") + (1_000_000L + rng.nextLong(9_000_000L));
            case TERRAFORM -> "terraform-" + Math.floorDiv(millis, 1000L);
            default -> rng.nextBoolean() ? Ids.resourceId(rng, "i") : "botocore-session-" + Math.floorDiv(millis, 1000L);
        };
    }
}

package io.trailwatch.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The simulated organisation: accounts with their actors, and the regions they work in (the first is us-east-1). */
final class World {

    /** Real regions, most used first; us-east-1 first because global services (IAM) log there. */
    static final List<String> KNOWN_REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2",
            "eu-central-1", "us-east-2", "ap-northeast-1", "eu-west-2", "ca-central-1", "ap-south-1", "sa-east-1",
            "us-west-1", "eu-north-1", "ap-southeast-1", "ap-northeast-2", "eu-west-3");
    /** The first {@link #REQUIRED_ACTORS} slots hold every profile scenarios need. */
    private static final Actor.Profile[] LAYOUT = {Actor.Profile.CI, Actor.Profile.HUMAN, Actor.Profile.AUTOSCALING,
        Actor.Profile.TERRAFORM, Actor.Profile.ADMIN, Actor.Profile.APP, Actor.Profile.HUMAN, Actor.Profile.CONFIG,
        Actor.Profile.APP, Actor.Profile.HUMAN, Actor.Profile.CI, Actor.Profile.APP};
    static final int REQUIRED_ACTORS = 5;
    private static final List<String> CI_ROLES = List.of("github-actions-deploy", "jenkins-ci-role", "gitlab-runner-role");

    private final List<String> regions;
    private final List<Account> accounts;
    private final double[] regionWeights;
    private final double[] accountWeights;

    private World(List<String> regions, List<Account> accounts) {
        this.regions = regions;
        this.accounts = accounts;
        this.regionWeights = cumulative(regions.size(), 0.45);
        this.accountWeights = cumulative(accounts.size(), 0.12);
    }

    static World build(GeneratorOptions options, SplittableRandom rng) {
        List<String> regions = KNOWN_REGIONS.subList(0, options.regions());
        List<Account> accounts = new ArrayList<>();
        for (int a = 0; a < options.accounts(); a++) {
            String id = Ids.accountId(rng);
            List<Actor> actors = new ArrayList<>();
            for (int p = 0; p < options.principalsPerAccount(); p++) {
                actors.add(actor(LAYOUT[p % LAYOUT.length], p, id, rng));
            }
            if (a % 5 == 0) {
                actors.add(new Actor(Actor.Profile.ROOT, id, "root", null, Ids.iamId(rng, "AKIA"),
                        new Client(Ids.publicIp(rng), Names.humanAgent(rng)), 0.02));
            }
            accounts.add(new Account(a, id, actors));
        }
        return new World(regions, List.copyOf(accounts));
    }

    private static Actor actor(Actor.Profile profile, int slot, String accountId, SplittableRandom rng) {
        int round = slot / LAYOUT.length;
        String suffix = round == 0 ? "" : "-" + round;
        return switch (profile) {
            case HUMAN -> new Actor(profile, accountId, Names.person(rng) + suffix, Ids.iamId(rng, "AIDA"),
                    Ids.iamId(rng, "AKIA"), new Client(Ids.publicIp(rng), Names.humanAgent(rng)), 2.0);
            case ADMIN -> role(profile, "AWSReservedSSO_AdministratorAccess_" + Ids.hex(rng, 16) + suffix, accountId,
                    rng, new Client(Ids.publicIp(rng), Names.humanAgent(rng)), 2.0);
            case CI -> role(profile, CI_ROLES.get((slot / 10) % CI_ROLES.size()) + suffix, accountId, rng,
                    new Client(Ids.publicIp(rng), Names.sdkAgent(rng)), 6.0);
            case APP -> role(profile, Names.app(rng) + "-task-role-" + slot,
                    accountId, rng, new Client(Ids.publicIp(rng), Names.sdkAgent(rng)), 5.0);
            case TERRAFORM -> role(profile, "terraform-deployer" + suffix, accountId, rng,
                    new Client(Ids.publicIp(rng), Names.terraformAgent()), 1.0);
            case AUTOSCALING -> new Actor(profile, accountId, "autoscaling.amazonaws.com", null, null,
                    Client.service("autoscaling.amazonaws.com"), 1.0);
            case CONFIG -> new Actor(profile, accountId, "config.amazonaws.com", null, null,
                    Client.service("config.amazonaws.com"), 3.0);
            case ROOT -> throw new IllegalArgumentException("root is added per account, not by layout");
        };
    }

    private static Actor role(Actor.Profile profile, String name, String accountId, SplittableRandom rng,
                              Client client, double weight) {
        return new Actor(profile, accountId, name, Ids.iamId(rng, "AROA"), null, client, weight);
    }

    /** Cumulative weights decaying geometrically by {@code decay} per position: a few busy, many quiet. */
    private static double[] cumulative(int size, double decay) {
        double[] c = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += Math.pow(1.0 - decay, i);
            c[i] = sum;
        }
        return c;
    }

    List<String> regions() {
        return regions;
    }

    List<Account> accounts() {
        return accounts;
    }

    Account pickAccount(SplittableRandom rng) {
        return accounts.get(Weighted.pick(accountWeights, rng));
    }

    int pickRegion(SplittableRandom rng) {
        return Weighted.pick(regionWeights, rng);
    }
}

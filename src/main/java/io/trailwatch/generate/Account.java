package io.trailwatch.generate;

import java.util.List;
import java.util.SplittableRandom;

/** One AWS account of the simulated organisation with its actors, picked by activity weight. */
final class Account {

    private final int index;
    private final String id;
    private final List<Actor> actors;
    private final double[] cumulative;

    Account(int index, String id, List<Actor> actors) {
        this.index = index;
        this.id = id;
        this.actors = List.copyOf(actors);
        this.cumulative = new double[actors.size()];
        double sum = 0;
        for (int i = 0; i < actors.size(); i++) {
            sum += actors.get(i).weight();
            cumulative[i] = sum;
        }
    }

    int index() {
        return index;
    }

    String id() {
        return id;
    }

    List<Actor> actors() {
        return actors;
    }

    Actor pickActor(SplittableRandom rng) {
        return actors.get(Weighted.pick(cumulative, rng));
    }

    /** The first actor with {@code profile}; every account has at least one of each profile scenarios rely on. */
    Actor first(Actor.Profile profile) {
        return actors.stream().filter(a -> a.profile() == profile).findFirst()
                .orElseThrow(() -> new IllegalStateException("account " + id + " has no " + profile + " actor"));
    }
}

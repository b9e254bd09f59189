package io.trailwatch.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Which scenarios run, where and when: each variant {@code max(1, events / 200k)} times, at random starts over the
 * span, within a budget of a quarter of all events (small runs get fewer variants). Each instance has its own seed,
 * so it expands to the same events however often it is expanded.
 */
final class ScenarioPlan {

    static final List<ScenarioScript> SCRIPTS = Stream.of(IamScenarios.all(), DestructionScenarios.all(),
            ResourceScenarios.all(), TrailScenarios.all(), S3LifecycleScenarios.all()).flatMap(List::stream).toList();
    private static final long EVENTS_PER_EXTRA_ROUND = 200_000L;

    /** One planned scenario instance. */
    record Planned(String id, ScenarioScript script, int accountIndex, long startMillis, long seed, int eventCount) {

        ScenarioContext play(World world) {
            ScenarioContext ctx = new ScenarioContext(world, world.accounts().get(accountIndex), startMillis,
                    new SplittableRandom(seed));
            script.body().play(ctx);
            return ctx;
        }
    }

    private final List<Planned> planned;
    private final long eventCount;

    private ScenarioPlan(List<Planned> planned) {
        this.planned = planned;
        this.eventCount = planned.stream().mapToLong(Planned::eventCount).sum();
    }

    static ScenarioPlan none() {
        return new ScenarioPlan(List.of());
    }

    static ScenarioPlan build(World world, long events, long startMillis, long spanMillis, SplittableRandom rng) {
        long rounds = Math.max(1, events / EVENTS_PER_EXTRA_ROUND);
        long budget = events / 4;
        long earliest = startMillis + 1_800_000L;
        long latest = Math.max(earliest + 1, startMillis + spanMillis - 4 * 3_600_000L);
        List<Planned> drafts = new ArrayList<>();
        long used = 0;
        for (long round = 0; round < rounds; round++) {
            for (ScenarioScript script : SCRIPTS) {
                int account = world.pickAccount(rng).index();
                long start = earliest + rng.nextLong(latest - earliest);
                long seed = rng.nextLong();
                Planned draft = new Planned(null, script, account, start, seed, 0);
                int count = draft.play(world).events().size();
                if (used + count > budget) {
                    continue;
                }
                used += count;
                drafts.add(new Planned(null, script, account, start, seed, count));
            }
        }
        drafts.sort(Comparator.comparingLong(Planned::startMillis));
        List<Planned> numbered = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Planned d = drafts.get(i);
            numbered.add(new Planned(String.format("scn-%05d", i + 1), d.script(), d.accountIndex(), d.startMillis(),
                    d.seed(), d.eventCount()));
        }
        return new ScenarioPlan(List.copyOf(numbered));
    }

    /** Planned instances by start time. */
    List<Planned> planned() {
        return planned;
    }

    /** Events all planned instances emit together. */
    long eventCount() {
        return eventCount;
    }
}

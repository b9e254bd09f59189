package io.trailwatch.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Which scenarios run, where and when: each variant {@code max(1, events / 200k)} times, at random starts over the
 * span, within a budget of a quarter of all events (small runs get fewer variants), never within 15 minutes of
 * another scenario of the same actor. Each instance has its own seed,
 * so it expands to the same events however often it is expanded.
 */
final class ScenarioPlan {

    static final List<ScenarioScript> SCRIPTS = Stream.of(IamScenarios.all(), DestructionScenarios.all(),
            ResourceScenarios.all(), TrailScenarios.all(), S3LifecycleScenarios.all(),
            KmsScenarios.all()).flatMap(List::stream).toList();
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

    /**
     * The time one actor is busy with a scenario. Two scenarios of one actor closer than {@link #APART_MILLIS} would
     * be one burst to a rule (its deletions add up, and it alerts once per burst), so the answer key would list an
     * attack no alert can cite, or a look-alike that alerts with its neighbour.
     */
    private record Occupied(int account, String principal, long firstMillis, long lastMillis) {

        static Occupied of(int account, ScenarioContext played) {
            long first = played.events().stream().mapToLong(ApiEvent::timeMillis).min().orElse(0);
            long last = played.events().stream().mapToLong(ApiEvent::timeMillis).max().orElse(0);
            return new Occupied(account, played.principal(), first, last);
        }

        boolean collides(Occupied other) {
            return account == other.account && Objects.equals(principal, other.principal)
                    && firstMillis < other.lastMillis + APART_MILLIS && other.firstMillis < lastMillis + APART_MILLIS;
        }
    }

    /** Longer than the burst rules' windows (5 and 10 minutes), so separate scenarios stay separate bursts. */
    private static final long APART_MILLIS = 15 * 60_000L;
    private static final int PLACEMENT_ATTEMPTS = 50;

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
        List<Occupied> occupied = new ArrayList<>();
        long used = 0;
        for (long round = 0; round < rounds; round++) {
            for (ScenarioScript script : SCRIPTS) {
                long seed = rng.nextLong();
                for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
                    int account = world.pickAccount(rng).index();
                    long start = earliest + rng.nextLong(latest - earliest);
                    Planned draft = new Planned(null, script, account, start, seed, 0);
                    ScenarioContext played = draft.play(world);
                    Occupied span = Occupied.of(account, played);
                    if (occupied.stream().anyMatch(span::collides)) {
                        continue;
                    }
                    int count = played.events().size();
                    if (used + count <= budget) {
                        used += count;
                        occupied.add(span);
                        drafts.add(new Planned(null, script, account, start, seed, count));
                    }
                    break;
                }
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

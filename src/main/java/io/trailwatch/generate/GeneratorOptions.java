package io.trailwatch.generate;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What {@link Generator} produces.
 *
 * @param outDir              directory that receives {@code AWSLogs/...} and {@code ground-truth.json}; must not
 *                            already hold an {@code AWSLogs} tree
 * @param events              distinct events (eventIDs) to generate, scenario events included; duplicate
 *                            deliveries come on top
 * @param seed                the only source of randomness: the same options give the same bytes
 * @param accounts            AWS accounts, 1..1000
 * @param regions             regions per account, 1..16, taken from {@code us-east-1, eu-west-1, us-west-2, ...}
 * @param principalsPerAccount actors per account (users, roles, services), 5..1000
 * @param start               time of the first event; background activity spans max(6 h, events / 50 per second);
     *                            some look-alikes end days later
 * @param lateFraction        share of records delivered in a later file (5 to 15 minutes late), 0..0.5
 * @param duplicateFraction   share of records delivered a second time in another file, 0..0.5
 * @param scenarios           inject attack scenarios and benign look-alikes (listed in the ground truth)
 */
public record GeneratorOptions(Path outDir, long events, long seed, int accounts, int regions, int principalsPerAccount,
                               Instant start, double lateFraction, double duplicateFraction, boolean scenarios) {

    /** Default start: a fixed instant, never the wall clock, so output does not depend on when it is generated. */
    public static final Instant DEFAULT_START = Instant.parse("2024-08-01T00:00:00Z");

    /** Validates every option; messages name the value, the allowed range and the setting to change. */
    public GeneratorOptions {
        if (outDir == null) {
            throw new IllegalArgumentException("outDir is null: pass an output directory (--out DIR)");
        }
        if (start == null) {
            throw new IllegalArgumentException("start is null: pass an ISO-8601 instant (--start 2024-08-01T00:00:00Z)");
        }
        range("events", events, 1, 1_000_000_000L, "--events");
        range("accounts", accounts, 1, 1000, "--accounts");
        range("regions", regions, 1, World.KNOWN_REGIONS.size(), "--regions");
        range("principalsPerAccount", principalsPerAccount, World.REQUIRED_ACTORS, 1000, "principalsPerAccount");
        fraction("lateFraction", lateFraction, "--late");
        fraction("duplicateFraction", duplicateFraction, "--duplicates");
    }

    /** 20 accounts, 4 regions, 12 principals each, ~1% late and ~0.5% duplicate deliveries, scenarios on. */
    public static GeneratorOptions defaults(Path out, long events, long seed) {
        return new GeneratorOptions(out, events, seed, 20, 4, 12, DEFAULT_START, 0.01, 0.005, true);
    }

    private static void range(String name, long value, long min, long max, String setting) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + " is out of range " + min + ".." + max
                    + ": change " + setting);
        }
    }

    private static void fraction(String name, double value, String setting) {
        if (!(value >= 0.0 && value <= 0.5)) {
            throw new IllegalArgumentException(name + " = " + value + " is out of range 0..0.5: change " + setting);
        }
    }
}

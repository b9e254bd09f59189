package io.trailwatch.bench;

import java.nio.file.Path;

/**
 * What {@link Benchmark} measures and on what.
 *
 * @param events       records to generate when {@code dataDir} holds no data set yet
 * @param dataDir      the data set (an {@code AWSLogs} tree); generated with seed 1 when absent, reused otherwise
 * @param repeat       rounds; every measure runs once per round, interleaved, and medians are reported
 * @param rules        the rule pack directory (the full pack)
 * @param xmx          the replay child's {@code -Xmx}, e.g. {@code 512m}
 * @param threads      decode threads of the decode-alone measure and of the replay child
 * @param engineSample events pre-decoded for the engine-alone measure
 * @param principals   active principals of the state-per-principal measure
 * @param launcher     the {@code trailwatch} launcher script the replay child runs, as a user does
 * @param outDir       where results, alerts and the child's logs go
 */
public record BenchOptions(long events, Path dataDir, int repeat, Path rules, String xmx, int threads,
                           int engineSample, int principals, Path launcher, Path outDir) {

    public BenchOptions {
        if (repeat < 1 || repeat > 100) {
            throw new IllegalArgumentException("repeat = " + repeat + " is out of range 1..100: change --repeat");
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads = " + threads + " is out of range 1..256: change --threads");
        }
        if (engineSample < 1000) {
            throw new IllegalArgumentException("engineSample = " + engineSample
                    + " is below 1000: change --engine-sample");
        }
        if (principals < 100) {
            throw new IllegalArgumentException("principals = " + principals + " is below 100: change --principals");
        }
        if (!xmx.matches("\\d+[kmgKMG]?")) {
            throw new IllegalArgumentException("xmx = '" + xmx + "' is not a JVM heap size: use e.g. --xmx 512m");
        }
    }
}

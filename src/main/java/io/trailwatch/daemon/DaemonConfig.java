package io.trailwatch.daemon;

import io.trailwatch.alert.SuppressionConfig;
import io.trailwatch.config.ConfigException;
import io.trailwatch.config.ConfigFiles;
import io.trailwatch.config.ConfigValueException;
import io.trailwatch.sink.SinkConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The daemon's one configuration file (YAML or JSON); see {@code config/trailwatch.example.yaml}. Absent
 * settings take the defaults below; relative paths are relative to the working directory.
 *
 * @param sources           where CloudTrail comes from; at least one
 * @param rules             the rule directory ({@code *.epl} modules); watched for changes; required
 * @param suppression       maintenance windows and allowlists; none when absent
 * @param sinks             where alerts go, each behind its own bounded queue; at least one
 * @param stateDir          source positions, delivered alert ids and webhook spools; required
 * @param lateness          how late an event may arrive and still be put in order (default 15m); also how far
 *                          behind the wall clock event time is let pass while input is idle
 * @param pollInterval      how often sources are polled when idle (default 1s)
 * @param commitInterval    how often positions are committed while input flows (default 1s)
 * @param rulesPollInterval how often the rule directory is checked for changes (default 2s)
 * @param sinkQueue         alerts each sink's queue holds before the pipeline waits (default 1000)
 * @param shutdownTimeout   how long a stop may take before the process gives up waiting (default 30s)
 * @param deadLetter        where bad records go (default {@code <stateDir>/dead-letter.jsonl})
 * @param metrics           the health and metrics endpoint
 */
public record DaemonConfig(List<SourceConfig> sources, String rules, SuppressionConfig suppression,
                           List<SinkConfig> sinks, String stateDir, Duration lateness, Duration pollInterval,
                           Duration commitInterval, Duration rulesPollInterval, Integer sinkQueue,
                           Duration shutdownTimeout, String deadLetter, MetricsConfig metrics) {

    public DaemonConfig {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("missing key 'sources' (at least one of type directory, file or stdin)");
        }
        if (sinks == null || sinks.isEmpty()) {
            throw new IllegalArgumentException("missing key 'sinks' (at least one of type stdout, file or webhook)");
        }
        if (rules == null || rules.isBlank()) {
            throw new IllegalArgumentException("missing key 'rules' (the directory of .epl rule modules)");
        }
        if (stateDir == null || stateDir.isBlank()) {
            throw new IllegalArgumentException("missing key 'stateDir' (a directory the daemon alone writes, e.g. /var/lib/trailwatch)");
        }
        sources = List.copyOf(sources);
        sinks = List.copyOf(sinks);
        suppression = suppression == null ? SuppressionConfig.none() : suppression;
        lateness = atLeast("lateness", lateness, Duration.ofMinutes(15), Duration.ZERO);
        pollInterval = atLeast("pollInterval", pollInterval, Duration.ofSeconds(1), Duration.ofMillis(10));
        commitInterval = atLeast("commitInterval", commitInterval, Duration.ofSeconds(1), Duration.ofMillis(10));
        rulesPollInterval = atLeast("rulesPollInterval", rulesPollInterval, Duration.ofSeconds(2), Duration.ofMillis(10));
        shutdownTimeout = atLeast("shutdownTimeout", shutdownTimeout, Duration.ofSeconds(30), Duration.ofSeconds(1));
        sinkQueue = sinkQueue == null ? 1000 : sinkQueue;
        if (sinkQueue < 1) {
            throw new ConfigValueException("sinkQueue", sinkQueue + " must be at least 1 (alerts queued per sink)");
        }
        deadLetter = deadLetter == null || deadLetter.isBlank()
                ? Path.of(stateDir).resolve("dead-letter.jsonl").toString() : deadLetter;
        metrics = metrics == null ? MetricsConfig.defaults() : metrics;
    }

    /** Reads and validates a configuration file; any mistake is one {@link ConfigException} line with file:line and key. */
    public static DaemonConfig load(Path file) throws ConfigException {
        return ConfigFiles.read(file, DaemonConfig.class);
    }

    private static Duration atLeast(String key, Duration value, Duration fallback, Duration min) {
        Duration d = value == null ? fallback : value;
        if (d.compareTo(min) < 0) {
            throw new ConfigValueException(key, d + " is below the minimum " + min + " (raise it)");
        }
        return d;
    }
}

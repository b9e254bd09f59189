package io.trailwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * End to end, as a user runs it: a child {@code JAVA_OPTS=-Xmx… trailwatch replay} through the project's
 * launcher over the data set, with the full pack, JSON alerts to a file and a bounded reorder buffer.
 * Timed from process start to exit, JVM start and rule loading included; its heap figures come from its
 * {@code --stats} file.
 */
final class ReplayChild {

    /** One run: wall time of the whole process and what its stats file says. */
    record Run(long nanos, CpuUse cpu, long records, long alerts, long late, long maxHeapAfterGcBytes, long peakHeapUsedBytes,
               JsonNode heapSamples) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path launcher;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Path rules;
    private final Path dataDir;
    private final Path workDir;
    private final List<String> suppression;
    private final int threads;

    /**
     * @param launcher         the {@code trailwatch} launcher script
     * @param xmx              the child's heap, passed as {@code JAVA_OPTS=-Xmx<xmx>}
     * @param suppression      the data set's suppression config ({@code --config}), or null for none
     * @param extraEnvironment set in the child's environment besides {@code JAVA_OPTS}; the rest is inherited
     */
    ReplayChild(Path launcher, String xmx, int threads, Path rules, Path dataDir, Path workDir, Path suppression,
                Map<String, String> extraEnvironment) {
        this.launcher = launcher;
        this.threads = threads;
        this.rules = rules;
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.suppression = suppression == null ? List.of() : List.of("--config", suppression.toString());
        environment.put("JAVA_OPTS", "-Xmx" + xmx);
        environment.putAll(extraEnvironment);
    }

    /** The command line: the launcher and its arguments. */
    List<String> command() {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "replay",
                "--rules", rules.toString(), "--format", "json", "--output", alerts().toString(),
                "--max-lateness", "15m", "--threads", String.valueOf(threads),
                "--stats", workDir.resolve("replay-stats.json").toString(), "--quiet"));
        command.addAll(suppression);
        command.add(dataDir.toString());
        return command;
    }

    /** The JSON alerts of the last run. */
    Path alerts() {
        return workDir.resolve("alerts.json");
    }

    /** What the child's environment sets on top of the inherited one, {@code JAVA_OPTS} first. */
    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** The command as a shell would take it, environment first, for the report. */
    String commandLine() {
        return Stream.concat(environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()),
                command().stream()).collect(Collectors.joining(" "));
    }

    Run run() throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        // the file sink appends: each round starts from no alerts, and no earlier round's stats
        Files.deleteIfExists(alerts());
        Files.deleteIfExists(workDir.resolve("replay-stats.json"));
        Path log = workDir.resolve("replay.log");
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process child = builder.start();
        int exit = child.waitFor();
        long nanos = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException("the replay child exited with " + exit + "; its output is in " + log
                    + " (command: " + commandLine() + ")");
        }
        JsonNode stats = JSON.readTree(workDir.resolve("replay-stats.json").toFile());
        return new Run(nanos, CpuUse.fromSeconds(stats.path("cpuSeconds")), stats.path("records").asLong(), stats.path("alerts").asLong(), stats.path("late").asLong(),
                stats.path("maxHeapAfterGcBytes").asLong(), stats.path("peakHeapUsedBytes").asLong(),
                stats.path("heapSamples"));
    }
}

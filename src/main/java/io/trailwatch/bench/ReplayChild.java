package io.trailwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * End to end, as a user runs it: a child {@code java -Xmx… -jar trailwatch.jar replay} over the data set
 * with the full pack, JSON alerts to a file and a bounded reorder buffer. Timed from process start to exit,
 * JVM start and rule compilation included; its heap figures come from its {@code --stats} file.
 */
final class ReplayChild {

    /** One run: wall time of the whole process and what its stats file says. */
    record Run(long nanos, long records, long alerts, long late, long maxHeapAfterGcBytes, long peakHeapUsedBytes,
               JsonNode heapSamples) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar;
    private final String xmx;
    private final Path rules;
    private final Path dataDir;
    private final Path workDir;
    private final int threads;

    ReplayChild(Path jar, String xmx, int threads, Path rules, Path dataDir, Path workDir) {
        this.jar = jar;
        this.xmx = xmx;
        this.threads = threads;
        this.rules = rules;
        this.dataDir = dataDir;
        this.workDir = workDir;
    }

    /** The command line, for the report. */
    List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx" + xmx, "-jar", jar.toString(), "replay",
                "--rules", rules.toString(), "--format", "json", "--output", workDir.resolve("alerts.json").toString(),
                "--max-lateness", "15m", "--threads", String.valueOf(threads), "--stats", workDir.resolve("replay-stats.json").toString(), "--quiet"));
        cmd.add(dataDir.toString());
        return cmd;
    }

    Run run() throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        // the file sink appends: each round starts from no alerts
        Files.deleteIfExists(workDir.resolve("alerts.json"));
        Path log = workDir.resolve("replay.log");
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = child.waitFor();
        long nanos = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException("the replay child exited with " + exit + "; its output is in " + log
                    + " (command: " + String.join(" ", command()) + ")");
        }
        JsonNode stats = JSON.readTree(workDir.resolve("replay-stats.json").toFile());
        return new Run(nanos, stats.path("records").asLong(), stats.path("alerts").asLong(), stats.path("late").asLong(),
                stats.path("maxHeapAfterGcBytes").asLong(), stats.path("peakHeapUsedBytes").asLong(),
                stats.path("heapSamples"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

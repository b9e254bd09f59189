package io.trailwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trailwatch.bench.CpuUse;
import io.trailwatch.bench.HeapWatch;
import io.trailwatch.config.FileProblems;
import io.trailwatch.pipeline.ReplayStats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code replay --stats FILE}: the run's counters and its heap as JSON, for the benchmark and for anyone
 * sizing a machine. Heap figures come from {@link HeapWatch}; {@code heapSamples} are
 * {@code [uptimeMillis, usedAfterGcBytes, full]}, one per collection ({@code full} 1 after a full collection,
 * whose figure is the live heap; 0 after a young one, whose figure also counts old garbage).
 */
final class StatsFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatsFile() {}

    /**
     * Creates the file's directories and checks that the file can be written, so that a bad {@code --stats}
     * path fails before the run rather than after it.
     *
     * @throws UsageException naming the path and why it cannot be written
     */
    static void prepare(Path file) throws UsageException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
        } catch (IOException e) {
            throw new UsageException("--stats: cannot write " + file + ": " + FileProblems.reason(e)
                    + " (give a file in a directory you can write)");
        }
    }

    /** @param cpu the process's CPU use at the end of the replay, before the collections that measure the live heap */
    static void write(Path file, ReplayStats stats, HeapWatch heap, CpuUse cpu, long liveBytesAtEnd) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inputs", stats.inputs());
        out.put("skippedFiles", stats.skippedFiles());
        out.put("unreadableInputs", stats.unreadableInputs());
        out.put("records", stats.records());
        out.put("badRecords", stats.badRecords());
        out.put("duplicates", stats.duplicates());
        out.put("late", stats.late());
        out.put("alerts", stats.alerts());
        out.put("suppressedAlerts", stats.suppressedAlerts());
        out.put("seconds", stats.seconds());
        out.put("recordsPerSecond", stats.eventsPerSecond());
        out.put("cpuSeconds", cpu.toSeconds());
        out.put("maxHeapAfterGcBytes", heap.maxUsedAfterGcBytes());
        out.put("peakHeapUsedBytes", heap.peakUsedBytes());
        out.put("liveHeapAtEndBytes", liveBytesAtEnd);
        out.put("collections", heap.collections());
        out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        out.put("heapSamples", heap.samples().stream()
                .map(s -> List.of(s.uptimeMillis(), s.usedAfterGcBytes(), s.full() ? 1 : 0)).toList());
        try (OutputStream stream = Files.newOutputStream(file)) {
            JSON.writeValue(stream, out);
        }
    }
}

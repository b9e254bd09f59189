package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.source.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesOneJsonLinePerBadRecordAndCounts(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("dead/letters.jsonl");
        try (DeadLetterFile dead = new DeadLetterFile(path)) {
            dead.write(Origin.line("a.json", 3), "missing eventID", "{\"x\":\n\"quote\\\"\"}");
            dead.write(Origin.offset("b.json.gz", 120), "gzip data is truncated", null);
            assertEquals(2, dead.count());
        }
        List<String> lines = Files.readAllLines(path);
        assertEquals(2, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("a.json", first.get("file").asText());
        assertEquals(3, first.get("line").asLong());
        assertEquals("{\"x\":\n\"quote\\\"\"}", first.get("excerpt").asText());
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals(120, second.get("offset").asLong());
        assertFalse(second.has("line"), "an unknown line is left out, not written as -1");
        assertTrue(second.get("excerpt").isNull());
    }

    @Test
    void concurrentWritersNeverInterleaveLines(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("dl.jsonl");
        try (DeadLetterFile dead = new DeadLetterFile(path)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        dead.write(Origin.line("f" + thread, i), "reason " + i, "x".repeat(300));
                    }
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
            assertEquals(1000, dead.count());
        }
        List<String> lines = Files.readAllLines(path);
        assertEquals(1000, lines.size());
        for (String line : lines) {
            JSON.readTree(line);
        }
    }

    @Test
    void unopenablePathIsNamed(@TempDir Path dir) throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new DeadLetterFile(blocker.resolve("dl.jsonl")));
        assertTrue(e.getMessage().contains(blocker.resolve("dl.jsonl").toString()), e.getMessage());
    }
}

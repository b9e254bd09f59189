package io.trailwatch.daemon.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writeReplacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("state.json");
        AtomicFiles.write(file, new byte[] {1, 2, 3});
        AtomicFiles.write(file, new byte[] {4});

        assertArrayEquals(new byte[] {4}, AtomicFiles.read(file).orElseThrow());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void readingAMissingFileIsEmpty() throws IOException {
        assertEquals(Optional.empty(), AtomicFiles.read(dir.resolve("absent.json")));
    }

    @Test
    void aConcurrentReaderSeesTheOldOrTheNewContentNeverAMix() throws Exception {
        Path file = dir.resolve("state.json");
        byte[] a = filled((byte) 'a');
        byte[] b = filled((byte) 'b');
        AtomicFiles.write(file, a);
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 100; i++) {
                    AtomicFiles.write(file, i % 2 == 0 ? b : a);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                done.set(true);
            }
        });
        writer.start();
        int reads = 0;
        while (!done.get() || reads == 0) {
            byte[] seen = AtomicFiles.read(file).orElseThrow();
            assertTrue(Arrays.equals(a, seen) || Arrays.equals(b, seen), "a whole version, not a mix or a prefix");
            reads++;
        }
        writer.join();
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[256 * 1024];
        Arrays.fill(bytes, value);
        return bytes;
    }
}

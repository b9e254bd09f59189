package io.trailwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailedFileSourceTest {

    private static final Duration GRACE = Duration.ofMillis(20);

    @TempDir
    Path dir;

    private final List<InputUnit> units = new ArrayList<>();

    @Test
    void onlyCompleteLinesAreHandedOutWithTheirLineNumbers() throws IOException {
        Path log = dir.resolve("ct.jsonl");
        append(log, "{\"n\":1}\n{\"n\":2}\n{\"n\":");
        TailedFileSource source = new TailedFileSource(log, GRACE);

        assertEquals(1, source.poll(units::add));
        assertEquals("{\"n\":1}\n{\"n\":2}\n", text(units.get(0)));
        assertEquals(1, units.get(0).firstLine());
        assertEquals(0, source.poll(units::add), "a partial line waits for its newline");

        append(log, "3}\n");
        assertEquals(1, source.poll(units::add));
        assertEquals("{\"n\":3}\n", text(units.get(1)));
        assertEquals(3, units.get(1).firstLine());
        assertEquals(log.toString(), units.get(1).origin());
    }

    @Test
    void aMissingFileIsWaitedFor() throws IOException {
        Path log = dir.resolve("later.jsonl");
        TailedFileSource source = new TailedFileSource(log, GRACE);
        assertEquals(0, source.poll(units::add));
        append(log, "a\n");
        assertEquals(1, source.poll(units::add));
    }

    @Test
    void everyLineIsReadExactlyOnceWhileTheFileIsRotatedByRenameAndCopyTruncate() throws Exception {
        Path log = dir.resolve("ct.jsonl");
        int total = 4000;
        Object rotationLock = new Object();
        AtomicBoolean writerDone = new AtomicBoolean();
        AtomicBoolean rotatorDone = new AtomicBoolean();
        List<Throwable> failures = new ArrayList<>();

        Thread writer = new Thread(() -> {
            try {
                for (int seq = 0; seq < total; seq++) {
                    byte[] line = line(seq).getBytes(StandardCharsets.UTF_8);
                    synchronized (rotationLock) {
                        Files.write(log, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                    if (seq % 5 == 0) {
                        Thread.sleep(1);
                    }
                }
            } catch (Exception e) {
                failures.add(e);
            } finally {
                writerDone.set(true);
            }
        });
        Thread rotator = new Thread(() -> {
            try {
                for (int rotation = 0; rotation < 6; rotation++) {
                    Thread.sleep(200);
                    synchronized (rotationLock) {
                        if (rotation % 2 == 0) {
                            rotateByRename(log);
                        } else {
                            rotateByCopyTruncate(log);
                        }
                    }
                }
            } catch (Exception e) {
                failures.add(e);
            } finally {
                rotatorDone.set(true);
            }
        });

        TailedFileSource source = new TailedFileSource(log, GRACE);
        List<String> read = new ArrayList<>();
        writer.start();
        rotator.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && !(writerDone.get() && rotatorDone.get() && read.size() >= total)) {
            source.poll(unit -> {
                String content = text(unit);
                assertTrue(content.endsWith("\n"), "a unit ends with a complete line");
                content.lines().forEach(read::add);
            });
            Thread.sleep(15);
        }
        writer.join();
        rotator.join();

        assertEquals(List.of(), failures);
        Set<String> distinct = new HashSet<>(read);
        assertEquals(read.size(), distinct.size(), "no line read twice");
        Set<String> missing = IntStream.range(0, total).mapToObj(seq -> line(seq).strip())
                .filter(line -> !distinct.contains(line)).collect(Collectors.toSet());
        assertEquals(Set.of(), missing.stream().limit(3).collect(Collectors.toSet()),
                () -> missing.size() + " of " + total + " lines never read");
        assertEquals(total, distinct.size(), "only written lines were read");
        assertTrue(Files.exists(dir.resolve("ct.jsonl.6")), "all six rotations happened while writing");
    }

    @Test
    void aNewInstanceRestoredFromACheckpointResumesWithoutLossOrRepeats() throws Exception {
        Path log = dir.resolve("ct.jsonl");
        appendLines(log, 0, 10);
        TailedFileSource first = new TailedFileSource(log, GRACE);
        first.poll(units::add);
        ObjectNode afterTen = units.get(units.size() - 1).checkpointAfter();

        appendLines(log, 10, 12);
        rotateByRename(log);
        appendLines(log, 12, 15);

        TailedFileSource second = new TailedFileSource(log, GRACE);
        second.restore(afterTen);
        List<String> resumed = readUntil(second, 5);
        assertEquals(records(10, 15), resumed);
        assertEquals(List.of(11L, 1L), units.subList(units.size() - 2, units.size()).stream()
                .map(InputUnit::firstLine).toList(), "line numbers restart in the new file");
        assertEquals(log.resolveSibling("ct.jsonl.1").toString(), units.get(units.size() - 2).origin());

        ObjectNode whileOnRotated = units.get(units.size() - 2).checkpointAfter();
        assertEquals(log.resolveSibling("ct.jsonl.1").toString(), whileOnRotated.get("rotatedPath").textValue());
        TailedFileSource third = new TailedFileSource(log, GRACE);
        third.restore(whileOnRotated);
        assertEquals(records(12, 15), readUntil(third, 3));
    }

    @Test
    void aRestoreIntoAnOldGenerationReadsEveryLaterGenerationBeforeTheFile() throws Exception {
        Path log = dir.resolve("ct.jsonl");
        appendLines(log, 0, 10);
        TailedFileSource first = new TailedFileSource(log, GRACE);
        first.poll(units::add);
        ObjectNode afterTen = units.get(units.size() - 1).checkpointAfter();

        appendLines(log, 10, 12);
        rotateByRename(log);
        appendLines(log, 12, 15);
        rotateByCopyTruncate(log);
        appendLines(log, 15, 17);
        rotateByRename(log);
        appendLines(log, 17, 20);
        // rotations minutes apart, as in life (rotating within one timestamp tick could not be ordered)
        Instant now = Instant.now();
        for (int generation = 3; generation >= 1; generation--) {
            Files.setLastModifiedTime(log.resolveSibling("ct.jsonl." + generation),
                    FileTime.from(now.minus(Duration.ofMinutes(generation))));
        }

        TailedFileSource second = new TailedFileSource(log, GRACE);
        second.restore(afterTen);
        assertEquals(records(10, 20), readUntil(second, 10),
                "the rest of ct.jsonl.3, then ct.jsonl.2 and ct.jsonl.1, then ct.jsonl");
    }

    @Test
    void thePositionBeforeTheFirstUnitFindsThatGenerationAfterItWasRotatedAway() throws Exception {
        Path log = dir.resolve("ct.jsonl");
        appendLines(log, 0, 3);
        TailedFileSource first = new TailedFileSource(log, GRACE);
        first.poll(units::add);
        ObjectNode start = units.get(0).checkpointBefore();
        assertEquals(0, start.get("offset").longValue());

        rotateByRename(log);
        appendLines(log, 3, 5);

        TailedFileSource second = new TailedFileSource(log, GRACE);
        second.restore(start);
        assertEquals(records(0, 5), readUntil(second, 5),
                "ct.jsonl.1 from its first line, then the new ct.jsonl");
    }

    @Test
    void aTruncationWithoutCopyRestartsAtTheStart() throws Exception {
        Path log = dir.resolve("ct.jsonl");
        appendLines(log, 0, 5);
        TailedFileSource source = new TailedFileSource(log, GRACE);
        source.poll(units::add);

        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        appendLines(log, 5, 7);

        assertEquals(List.of(line(5).strip(), line(6).strip()), readUntil(source, 2));
    }

    @Test
    void aRotatedFileEndingWithoutNewlineYieldsItsLastLine() throws Exception {
        Path log = dir.resolve("ct.jsonl");
        append(log, "{\"n\":1}\n{\"n\":2}");
        TailedFileSource source = new TailedFileSource(log, GRACE);
        source.poll(units::add);
        Files.move(log, log.resolveSibling("ct.jsonl.1"));
        append(log, "{\"n\":3}\n");

        assertEquals(List.of("{\"n\":2}", "{\"n\":3}"), readUntil(source, 2));
    }

    @Test
    void anOverlongLineIsSkippedAndTheNextOneRead() throws IOException {
        Path log = dir.resolve("ct.jsonl");
        append(log, "x".repeat(TailedFileSource.MAX_UNIT_BYTES + 10) + "\n{\"n\":2}\n");
        TailedFileSource source = new TailedFileSource(log, GRACE);

        assertEquals(1, source.poll(units::add));
        assertEquals("{\"n\":2}\n", text(units.get(0)));
        assertEquals(2, units.get(0).firstLine());
    }

    @Test
    void aRejectedUnitIsHandedOutAgain() throws IOException {
        Path log = dir.resolve("ct.jsonl");
        appendLines(log, 0, 2);
        TailedFileSource source = new TailedFileSource(log, GRACE);
        assertThrows(IOException.class, () -> source.poll(unit -> {
            throw new IOException("sink down");
        }));
        assertEquals(1, source.poll(units::add));
        assertEquals(line(0) + line(1), text(units.get(0)));
    }

    @Test
    void malformedCheckpointsAreRejectedWithTheReason() {
        TailedFileSource source = new TailedFileSource(dir.resolve("ct.jsonl"));
        ObjectNode negative = source.checkpoint().put("offset", -1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> source.restore(negative))
                .getMessage().contains("'offset' must be a non-negative integer, got -1"));

        ObjectNode inconsistent = source.checkpoint().put("offset", 10);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> source.restore(inconsistent))
                .getMessage().contains("inconsistent"));

        ObjectNode badHash = source.checkpoint().put("fingerprint", "zz");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> source.restore(badHash))
                .getMessage().contains("64 hexadecimal digits"));

        ObjectNode foreign = new TailedFileSource(dir.resolve("other.jsonl")).checkpoint();
        assertThrows(IllegalArgumentException.class, () -> source.restore(foreign));
        assertFalse(source.checkpoint().has("rotatedPath"));
    }

    private List<String> readUntil(TailedFileSource source, int lines) throws Exception {
        List<String> read = new ArrayList<>();
        for (int attempt = 0; attempt < 500 && read.size() < lines; attempt++) {
            source.poll(unit -> {
                units.add(unit);
                text(unit).lines().forEach(read::add);
            });
            Thread.sleep(5);
        }
        return read;
    }

    private static void rotateByRename(Path log) throws IOException {
        shiftRotated(log);
        Files.move(log, log.resolveSibling(log.getFileName() + ".1"));
        Files.createFile(log);
    }

    private static void rotateByCopyTruncate(Path log) throws IOException {
        shiftRotated(log);
        Files.copy(log, log.resolveSibling(log.getFileName() + ".1"));
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }

    private static void shiftRotated(Path log) throws IOException {
        for (int generation = 10; generation >= 1; generation--) {
            Path rotated = log.resolveSibling(log.getFileName() + "." + generation);
            if (Files.exists(rotated)) {
                Files.move(rotated, log.resolveSibling(log.getFileName() + "." + (generation + 1)),
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** A line of varying length, so lines straddle the fingerprint boundary and chunk ends. */
    private static String line(int seq) {
        return "{\"seq\":" + seq + ",\"eventID\":\"" + "e".repeat(seq % 200) + "\"}\n";
    }

    /** The records of lines {@code from} to {@code to} (exclusive), as a source hands them over. */
    private static List<String> records(int from, int to) {
        return IntStream.range(from, to).mapToObj(seq -> line(seq).strip()).toList();
    }

    private static void appendLines(Path log, int from, int to) throws IOException {
        for (int seq = from; seq < to; seq++) {
            append(log, line(seq));
        }
    }

    private static void append(Path log, String text) throws IOException {
        Files.write(log, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String text(InputUnit unit) {
        return new String(unit.content(), StandardCharsets.UTF_8);
    }
}

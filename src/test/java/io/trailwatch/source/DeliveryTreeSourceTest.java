package io.trailwatch.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryTreeSourceTest {

    private static final String DAY = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/05/";

    @TempDir
    Path root;

    private final List<InputUnit> units = new ArrayList<>();

    @Test
    void eachFileIsReadOnceInPathOrderWithItsBytesUnchanged() throws IOException {
        byte[] real = Files.readAllBytes(Path.of("testdata/delivery-tree/SerializerTestFileCompact.json.gz"));
        settled(DAY + "b.json.gz", real);
        settled(DAY + "a.json", text("{\"Records\":[]}"));
        settled("AWSLogs/111122223333/CloudTrail/eu-west-1/2024/01/06/c.json", text("{}"));
        DeliveryTreeSource source = new DeliveryTreeSource(root, Duration.ZERO);

        assertEquals(0, source.poll(units::add), "first sighting only observes");
        assertEquals(3, source.poll(units::add));
        assertEquals(0, source.poll(units::add));

        assertEquals(List.of(
                path("AWSLogs/111122223333/CloudTrail/eu-west-1/2024/01/06/c.json"),
                path(DAY + "a.json"),
                path(DAY + "b.json.gz")), origins());
        assertArrayEquals(real, units.get(2).content());
        assertEquals(1, units.get(2).firstLine());
        try (GZIPInputStream gzip = new GZIPInputStream(units.get(2).open())) {
            assertTrue(new String(gzip.readAllBytes(), StandardCharsets.UTF_8).startsWith("{\"Records\""));
        }

        settled(DAY + "d.json.gz", text("late"));
        source.poll(units::add);
        source.poll(units::add);
        assertEquals(4, units.size());
        assertEquals(path(DAY + "d.json.gz"), units.get(3).origin());
    }

    @Test
    void aFileStillBeingWrittenIsNotReadHalf() throws IOException {
        DeliveryTreeSource source = new DeliveryTreeSource(root, Duration.ZERO);
        Path file = settled(DAY + "growing.json", text("{\"Records\":[{\"a\":1},"));
        source.poll(units::add);

        Files.write(file, text("{\"b\":2}]}"), StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(30)));
        assertEquals(0, source.poll(units::add), "size changed since the previous poll");
        assertEquals(1, source.poll(units::add));
        assertEquals("{\"Records\":[{\"a\":1},{\"b\":2}]}", new String(units.get(0).content(), StandardCharsets.UTF_8));
    }

    @Test
    void aFileYoungerThanTheSettleTimeWaits() throws IOException {
        DeliveryTreeSource source = new DeliveryTreeSource(root, Duration.ofHours(1));
        write(DAY + "fresh.json.gz", text("x"));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, source.poll(units::add));
        }
    }

    @Test
    void temporaryDownloadNamesAndOtherFilesAreIgnored() throws IOException {
        settled(DAY + "x.json.gz.AbCd1234", text("partial"));
        settled(DAY + ".x.json.gz", text("partial"));
        settled(DAY + "digest.txt", text("not a delivery"));
        settled(".sync/y.json.gz", text("hidden dir"));
        Path real = settled(DAY + "x.json.gz", text("done"));
        DeliveryTreeSource source = new DeliveryTreeSource(root, Duration.ZERO);

        source.poll(units::add);
        source.poll(units::add);
        source.poll(units::add);

        assertEquals(List.of(real.toString()), origins());
    }

    @Test
    void restoringAnOlderCheckpointReadsTheLaterFilesAgain() throws IOException {
        settled(DAY + "1.json", text("one"));
        settled(DAY + "2.json", text("two"));
        settled(DAY + "3.json", text("three"));
        DeliveryTreeSource first = new DeliveryTreeSource(root, Duration.ZERO);
        first.poll(units::add);
        first.poll(units::add);
        ObjectNode afterFirstFile = units.get(0).checkpointAfter();
        assertEquals(3, units.size());

        DeliveryTreeSource restarted = new DeliveryTreeSource(root, Duration.ZERO);
        restarted.restore(afterFirstFile);
        units.clear();
        restarted.poll(units::add);
        restarted.poll(units::add);
        restarted.poll(units::add);

        assertEquals(List.of(path(DAY + "2.json"), path(DAY + "3.json")), origins());
        assertEquals(first.checkpoint(), restarted.checkpoint());
    }

    @Test
    void checkpointRecordsSizesAndForgetsDeletedFiles() throws IOException {
        Path gone = settled(DAY + "gone.json", text("12345"));
        settled(DAY + "kept.json", text("123"));
        DeliveryTreeSource source = new DeliveryTreeSource(root, Duration.ZERO);
        source.poll(units::add);
        source.poll(units::add);
        ObjectNode files = (ObjectNode) source.checkpoint().get("directories").get(DAY.substring(0, DAY.length() - 1));
        assertEquals(5, files.get("gone.json").longValue());
        assertEquals(3, files.get("kept.json").longValue());

        Files.delete(gone);
        source.poll(units::add);

        files = (ObjectNode) source.checkpoint().get("directories").get(DAY.substring(0, DAY.length() - 1));
        assertFalse(files.has("gone.json"));
        assertTrue(files.has("kept.json"));
    }

    @Test
    void aUnitTheConsumerRejectsIsHandedOutAgain() throws IOException {
        settled(DAY + "a.json", text("a"));
        DeliveryTreeSource source = new DeliveryTreeSource(root, Duration.ZERO);
        source.poll(units::add);

        assertThrows(IOException.class, () -> source.poll(unit -> {
            throw new IOException("sink down");
        }));
        assertEquals(1, source.poll(units::add));
        assertEquals(List.of(path(DAY + "a.json")), origins());
    }

    @Test
    void anOversizedFileIsSkippedAndRecorded() throws IOException {
        settled(DAY + "big.json", new byte[100]);
        settled(DAY + "small.json", new byte[10]);
        DeliveryTreeSource source = new DeliveryTreeSource(root, Duration.ZERO, 50);
        source.poll(units::add);
        source.poll(units::add);
        source.poll(units::add);

        assertEquals(List.of(path(DAY + "small.json")), origins());
        assertTrue(source.checkpoint().toString().contains("\"big.json\":100"));
    }

    @Test
    void malformedOrForeignCheckpointsAreRejectedWithTheReason() {
        DeliveryTreeSource source = new DeliveryTreeSource(root);
        ObjectNode foreign = JsonNodeFactory.instance.objectNode().put("source", "dir:/elsewhere");
        foreign.putObject("directories");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> source.restore(foreign))
                .getMessage().contains("dir:/elsewhere"));

        ObjectNode badSize = source.checkpoint();
        ((ObjectNode) badSize.get("directories")).putObject("a/b").put("x.json", "big");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> source.restore(badSize))
                .getMessage().contains("'x.json' must be a non-negative integer"));

        ObjectNode escaping = source.checkpoint();
        ((ObjectNode) escaping.get("directories")).putObject("../etc").put("x.json", 1);
        assertThrows(IllegalArgumentException.class, () -> source.restore(escaping));
    }

    @Test
    void aMissingRootIsWaitedFor() throws IOException {
        DeliveryTreeSource source = new DeliveryTreeSource(root.resolve("not-yet"), Duration.ZERO);
        assertEquals(0, source.poll(units::add));
        settled("not-yet/a.json", text("a"));
        source.poll(units::add);
        assertEquals(1, source.poll(units::add));
    }

    private Path settled(String relative, byte[] content) throws IOException {
        Path file = write(relative, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        return file;
    }

    private Path write(String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private String path(String relative) {
        return root.resolve(relative).toAbsolutePath().normalize().toString();
    }

    private List<String> origins() {
        return units.stream().map(InputUnit::origin).toList();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

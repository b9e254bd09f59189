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

    private static final String TRAIL = "AWSLogs/111122223333/CloudTrail/us-east-1/";

    /** A CloudTrail-named file delivered at {@code hour} hours after 2024-01-01T00:00Z, in its day directory. */
    private static String delivered(int hour) {
        return delivered(Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofHours(hour)), "h" + hour);
    }

    /** A CloudTrail-named file delivered at {@code at} (to the minute), in its day directory. */
    private static String delivered(Instant at, String tag) {
        String day = at.toString().substring(0, 10).replace('-', '/');
        String stamp = DeliveryFileNames.sortable(at).substring(0, 13) + "Z";
        return TRAIL + day + "/111122223333_CloudTrail_us-east-1_" + stamp + "_" + tag + ".json.gz";
    }

    /** The digest file CloudTrail writes at {@code hour} hours after 2024-01-01T00:00Z, in its day directory. */
    private static String digest(int hour) {
        Instant at = Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofHours(hour));
        String day = at.toString().substring(0, 10).replace('-', '/');
        return "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/" + day
                + "/111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_" + DeliveryFileNames.sortable(at) + ".json.gz";
    }

    private DeliveryTreeSource watermarked() {
        return new DeliveryTreeSource(root, Duration.ZERO, DeliveryTreeSource.DEFAULT_MAX_FILE_BYTES, Duration.ofHours(24));
    }

    private int drain(DeliveryTreeSource source) throws IOException {
        int total = 0;
        for (int i = 0; i < 200; i++) {
            int handed = source.poll(units::add);
            total += handed;
            if (handed == 0 && i > 0) {
                return total;
            }
        }
        return total;
    }

    private static List<String> listedNames(ObjectNode checkpoint) {
        List<String> names = new ArrayList<>();
        checkpoint.get("directories").fields().forEachRemaining(d -> d.getValue().fieldNames().forEachRemaining(names::add));
        return names;
    }

    @Test
    void aLongKeptTreeIsReadOldestFirstWhileTheCheckpointListsOnlyTheLastIgnoreOlderOfIt() throws IOException {
        for (int hour = 0; hour < 24 * 10; hour += 3) {
            settled(delivered(hour), text("h" + hour));
        }
        settled(DAY + "no-stamp.json", text("plain"));
        DeliveryTreeSource source = watermarked();

        assertEquals(81, drain(source));

        assertEquals(path(DAY + "no-stamp.json"), units.get(0).origin());
        assertEquals(path(delivered(0)), units.get(1).origin());
        assertEquals(path(delivered(237)), units.get(80).origin());
        ObjectNode checkpoint = source.checkpoint();
        assertEquals("2024-01-09T21:00:00Z", checkpoint.get("deliveredBefore").textValue(), "newest 237h minus 24h");
        List<String> listed = listedNames(checkpoint);
        assertEquals(10, listed.size(), "hours 213..237 and the file without a delivery time: " + listed);
        assertTrue(listed.contains("no-stamp.json"));
        assertFalse(listed.stream().anyMatch(n -> n.contains("_h210.")), "210h is below the watermark");
        assertTrue(listed.stream().anyMatch(n -> n.contains("_h213.")));
        assertEquals(0, source.ignoredFiles());
        assertTrue(units.get(40).checkpointAfter().toString().length() < 2_000, "every unit's checkpoint is bounded too");
    }

    @Test
    void digestFilesOfALongKeptTreeLeaveTheCheckpointOnceBelowTheWatermark() throws IOException {
        for (int hour = 0; hour < 24 * 10; hour += 3) {
            settled(delivered(hour), text("h" + hour));
            settled(digest(hour), text("{\"digestStartTime\":\"\"}"));
        }
        DeliveryTreeSource source = watermarked();

        assertEquals(160, drain(source));

        List<String> listed = listedNames(source.checkpoint());
        assertEquals(18, listed.size(), "log files and digests of hours 213..237 only: " + listed);
        assertFalse(listed.stream().anyMatch(n -> n.endsWith("_20240101T000000Z.json.gz")), "the digest of hour 0 is below it");
        assertEquals(0, source.ignoredFiles());
    }

    @Test
    void aFileNamedWithAFutureDeliveryTimeIsReadWithoutPuttingEveryLaterFileBelowTheWatermark() throws IOException {
        String future = delivered(Instant.parse("2099-12-31T23:59:00Z"), "misnamed");
        settled(delivered(0), text("h0"));
        settled(future, text("misnamed"));
        DeliveryTreeSource source = watermarked();
        drain(source);
        settled(delivered(100), text("h100"));
        drain(source);

        assertEquals(List.of(path(delivered(0)), path(future), path(delivered(100))), origins());
        assertEquals("2024-01-04T04:00:00Z", source.checkpoint().get("deliveredBefore").textValue());
        assertEquals(0, source.ignoredFiles());

        DeliveryTreeSource restarted = watermarked();
        restarted.restore(source.checkpoint());
        settled(delivered(110), text("h110"));
        drain(restarted);
        assertEquals(path(delivered(110)), units.get(units.size() - 1).origin(), "the restored watermark ignores it too");

        DeliveryTreeSource poisoned = watermarked();
        poisoned.restore(restarted.checkpoint().put("deliveredBefore", "2099-12-30T23:59:00Z"));
        String now = delivered(Instant.now(), "now");
        settled(now, text("delivered now"));
        drain(poisoned);
        assertEquals(path(now), units.get(units.size() - 1).origin(), "a saved watermark in the future is capped");
        assertEquals(0, poisoned.ignoredFiles());
    }

    @Test
    void aFileArrivingBelowTheWatermarkIsReportedOnceAndNotReadWhileOneJustAboveIsRead() throws IOException {
        settled(delivered(0), text("h0"));
        settled(delivered(100), text("h100"));
        DeliveryTreeSource source = watermarked();
        drain(source);
        units.clear();

        settled(delivered(75), text("late, 25h before the newest"));
        settled(delivered(77), text("late, 23h before the newest"));
        settled(delivered(1), text("late, in a directory already below the watermark"));
        drain(source);
        drain(source);

        assertEquals(List.of(path(delivered(77))), origins());
        assertEquals(2, source.ignoredFiles(), "75h and 1h, each counted once across polls");
        List<String> listed = listedNames(source.checkpoint());
        assertFalse(listed.stream().anyMatch(n -> n.contains("_h75.") || n.contains("_h1.")), listed.toString());
    }

    @Test
    void aFileSeenButNotYetReadWhenTheWatermarkPassesItIsReportedNotDroppedSilently() throws IOException {
        DeliveryTreeSource source = new DeliveryTreeSource(root, Duration.ofSeconds(30),
                DeliveryTreeSource.DEFAULT_MAX_FILE_BYTES, Duration.ofHours(24));
        Path writing = write(delivered(70), text("still being written"));
        Files.setLastModifiedTime(writing.getParent(), FileTime.from(Instant.now().minusSeconds(60)));
        source.poll(units::add);

        settled(delivered(100), text("h100"));
        drain(source);
        drain(source);

        assertEquals(List.of(path(delivered(100))), origins());
        assertEquals(1, source.ignoredFiles(), "70h was passed by the watermark 76h before it settled");
    }

    @Test
    void aNewDirectoryWithHistoryBelowTheWatermarkIsReportedButNotAtStart() throws IOException {
        settled(delivered(0), text("h0"));
        settled(delivered(100), text("h100"));
        DeliveryTreeSource source = watermarked();
        drain(source);
        ObjectNode checkpoint = source.checkpoint();

        settled(delivered(30).replace("us-east-1", "eu-west-1"), text("a region synced in with its history"));
        drain(source);
        assertEquals(1, source.ignoredFiles());

        DeliveryTreeSource restarted = watermarked();
        restarted.restore(checkpoint);
        units.clear();
        drain(restarted);
        assertEquals(List.of(), origins(), "below the restored watermark: read or ignored before");
        assertEquals(0, restarted.ignoredFiles(), "files already there at start are not reported again");
    }

    @Test
    void restoringAnOlderCheckpointWithALowerWatermarkReadsTheLaterFilesAgain() throws IOException {
        for (int hour = 0; hour <= 30; hour += 6) {
            settled(delivered(hour), text("h" + hour));
        }
        DeliveryTreeSource first = watermarked();
        drain(first);
        ObjectNode afterSecondFile = units.get(1).checkpointAfter();
        assertFalse(afterSecondFile.has("deliveredBefore") && afterSecondFile.get("deliveredBefore").textValue()
                .compareTo("2024-01-01T00:00:00Z") > 0, "6h minus 24h is before the first delivery");
        assertEquals("2024-01-01T06:00:00Z", first.checkpoint().get("deliveredBefore").textValue());

        DeliveryTreeSource restarted = watermarked();
        restarted.restore(afterSecondFile);
        units.clear();
        drain(restarted);

        assertEquals(List.of(path(delivered(12)), path(delivered(18)), path(delivered(24)), path(delivered(30))), origins());
        assertEquals(first.checkpoint(), restarted.checkpoint());
    }

    @Test
    void aCheckpointInTheFormatBeforeTheWatermarkLoadsAndIsTrimmed() throws IOException {
        settled(delivered(0), text("h0"));
        settled(delivered(48), text("h48"));
        settled(delivered(60), text("h60"));
        ObjectNode old = JsonNodeFactory.instance.objectNode().put("source", "dir:" + root.toAbsolutePath().normalize());
        ObjectNode directories = old.putObject("directories");
        for (int hour : new int[] {0, 48}) {
            String file = delivered(hour);
            directories.putObject(file.substring(0, file.lastIndexOf('/'))).put(file.substring(file.lastIndexOf('/') + 1), ("h" + hour).length());
        }
        DeliveryTreeSource source = watermarked();

        source.restore(old);
        drain(source);

        assertEquals(List.of(path(delivered(60))), origins());
        assertEquals("2024-01-02T12:00:00Z", source.checkpoint().get("deliveredBefore").textValue());
        assertEquals(2, listedNames(source.checkpoint()).size(), "h48 and h60; h0 is below the watermark");
        assertEquals(0, source.ignoredFiles());
    }

    @Test
    void aMalformedWatermarkIsRejectedWithTheReason() {
        DeliveryTreeSource source = watermarked();
        ObjectNode bad = source.checkpoint().put("deliveredBefore", "yesterday");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> source.restore(bad))
                .getMessage().contains("field 'deliveredBefore' must be an ISO-8601 instant"));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryTreeSource(root, Duration.ZERO, 10, Duration.ZERO));
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

package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.daemon.state.StateStore;
import io.trailwatch.source.DeliveryFileNames;
import io.trailwatch.source.DeliveryTreeSource;
import io.trailwatch.source.InputConsumer;
import io.trailwatch.source.LiveSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointerTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    @TempDir
    Path state;

    @Test
    void restoresTheNewestMarkOlderThanTheCommittedWatermarkMinusTheLongestWindow() throws IOException {
        Checkpointer first = new Checkpointer(new StateStore(state), WINDOW);
        FakeSource source = new FakeSource();
        first.restore(List.of(source));
        readAndCommit(first, 1, 1_000, 1_000);
        readAndCommit(first, 2, 20_000, 20_000);
        readAndCommit(first, 3, 30_000, 30_000);

        FakeSource restarted = new FakeSource();
        new Checkpointer(new StateStore(state), WINDOW).restore(List.of(restarted));

        assertEquals(1, restarted.restored.get("n").intValue(), "mark 2 read up to 20000, not older than 30000 - 10000");
    }

    @Test
    void readsFromTheStartWhileNoCommittedMarkIsOldEnough() throws IOException {
        Checkpointer first = new Checkpointer(new StateStore(state), WINDOW);
        first.restore(List.of(new FakeSource()));
        readAndCommit(first, 1, 25_000, 30_000);

        FakeSource restarted = new FakeSource();
        new Checkpointer(new StateStore(state), WINDOW).restore(List.of(restarted));

        assertNull(restarted.restored, "re-read everything: the only mark holds events inside the last window");
    }

    @Test
    void aRestartBeforeTheReReadCaughtUpGoesBackToAMarkNotToTheStart() throws IOException {
        Checkpointer first = new Checkpointer(new StateStore(state), WINDOW);
        first.restore(List.of(new FakeSource()));
        readAndCommit(first, 1, 1_000, 1_000);
        readAndCommit(first, 2, 20_000, 20_000);
        readAndCommit(first, 3, 30_000, 30_000);
        Checkpointer second = new Checkpointer(new StateStore(state), WINDOW);
        second.restore(List.of(new FakeSource()));

        readAndCommit(second, 2, 5_000, 5_000);

        FakeSource third = new FakeSource();
        new Checkpointer(new StateStore(state), WINDOW).restore(List.of(third));
        assertEquals(2, third.restored == null ? 0 : third.restored.get("n").intValue(), "alerts up to 30000 were"
                + " delivered, so the re-read's mark up to 5000 rebuilds every window that can still alert");
    }

    @Test
    void aCorruptStateFileIsSetAsideAndTheSourceReadFromTheStart() throws IOException {
        Files.writeString(state.resolve(Checkpointer.DOCUMENT + ".json"), "{\"watermark\": 12, \"sources\": ");
        FakeSource source = new FakeSource();

        new Checkpointer(new StateStore(state), WINDOW).restore(List.of(source));

        assertNull(source.restored);
        assertTrue(Files.exists(state.resolve(Checkpointer.DOCUMENT + ".json.corrupt-1")));
    }

    @Test
    void aPositionTheSourceRejectsFallsBackToTheStartInsteadOfFailing() throws IOException {
        Checkpointer first = new Checkpointer(new StateStore(state), WINDOW);
        first.restore(List.of(new FakeSource()));
        readAndCommit(first, -1, 1_000, 60_000);

        FakeSource restarted = new FakeSource();
        Checkpointer second = new Checkpointer(new StateStore(state), WINDOW);
        second.restore(List.of(restarted));

        assertNull(restarted.restored);
        second.read(restarted.id(), null, position(5), 70_000);
        second.commit(70_000);
        assertTrue(Files.readString(state.resolve(Checkpointer.DOCUMENT + ".json")).contains("\"n\":5"));
    }

    @Test
    void marksOlderThanTheNewestUsableOneArePrunedAndTheHistoryStaysBounded() throws IOException {
        Checkpointer checkpointer = new Checkpointer(new StateStore(state), WINDOW);
        checkpointer.restore(List.of(new FakeSource()));
        for (int n = 1; n <= 5 * Checkpointer.MAX_MARKS; n++) {
            readAndCommit(checkpointer, n, n * 10L, n * 10L);
        }
        String saved = Files.readString(state.resolve(Checkpointer.DOCUMENT + ".json"));
        long marks = saved.split("maxEventTime", -1).length - 1;
        assertTrue(marks <= Checkpointer.MAX_MARKS, marks + " marks kept");
        assertTrue(saved.contains("\"n\":" + 5 * Checkpointer.MAX_MARKS), "the newest position is kept");
    }

    @Test
    void theStartOfTheInputIsTheFirstUnitsPositionBeforeItWhenTheSourceNamesOne() throws IOException {
        Checkpointer first = new Checkpointer(new StateStore(state), WINDOW);
        first.restore(List.of(new FakeSource()));
        first.read(FakeSource.ID, position(0), position(1), 25_000);
        first.commit(25_000);
        first.read(FakeSource.ID, position(1), position(2), 26_000);
        first.commit(26_000);

        FakeSource restarted = new FakeSource();
        new Checkpointer(new StateStore(state), WINDOW).restore(List.of(restarted));

        assertEquals(0, restarted.restored.get("n").intValue(),
                "every mark is inside the last window: back to where the input was first read, as the source named it");
    }

    @Test
    void aLargePositionIsSavedOnceAndEachLaterMarkAsItsChange() throws IOException {
        Checkpointer checkpointer = new Checkpointer(new StateStore(state), WINDOW);
        checkpointer.restore(List.of(new FakeSource()));
        ObjectNode files = JsonNodeFactory.instance.objectNode();
        for (int f = 0; f < 2000; f++) {
            files.put("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/" + f + ".json.gz", 30_000 + f);
        }
        ObjectNode recent = JsonNodeFactory.instance.objectNode();
        for (int n = 1; n <= 50; n++) {
            recent = recent.deepCopy().put("new-" + n + ".json.gz", n);
            ObjectNode position = position(n);
            position.set("files", files);
            position.set("recent", recent);
            checkpointer.read(FakeSource.ID, null, position, n * 1_000L);
            checkpointer.commit(n * 1_000L);
        }
        long saved = Files.size(state.resolve(Checkpointer.DOCUMENT + ".json"));

        FakeSource restarted = new FakeSource();
        new Checkpointer(new StateStore(state), WINDOW).restore(List.of(restarted));

        long onePosition = files.toString().length();
        assertTrue(saved < onePosition * 3 / 2, saved + " bytes for 12 marks of a " + onePosition + "-byte position");
        assertEquals(39, restarted.restored.get("n").intValue(), "the newest mark older than 50000 - 10000");
        assertEquals(files, restarted.restored.get("files"));
        assertEquals(39, restarted.restored.get("recent").size());
    }

    @Test
    void aDeliveryTreeRestoredToAnOlderMarkReadsAgainFromItsLowerWatermarkAndTheStateListsNoFileBelowIt()
            throws IOException {
        Path tree = state.resolve("tree");
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        List<String> all = new ArrayList<>();
        for (int hour = 0; hour <= 60; hour += 6) {
            Instant at = start.plus(Duration.ofHours(hour));
            Path file = tree.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/" + at.toString().substring(0, 10)
                    .replace('-', '/') + "/111122223333_CloudTrail_us-east-1_" + DeliveryFileNames.sortable(at)
                    .substring(0, 13) + "Z_h" + hour + ".json.gz");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "h" + hour);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
            all.add(file.toString());
        }
        Duration window = Duration.ofHours(10);
        DeliveryTreeSource first = new DeliveryTreeSource(tree, Duration.ZERO, 1024, Duration.ofHours(24));
        Checkpointer checkpointer = new Checkpointer(new StateStore(state.resolve("state")), window);
        checkpointer.restore(List.of(first));
        for (int poll = 0; poll < 3; poll++) {
            first.poll(unit -> {
                long eventTime = start.plus(Duration.ofHours(Long.parseLong(unit.origin()
                        .replaceAll(".*_h(\\d+)\\.json\\.gz$", "$1")))).toEpochMilli();
                checkpointer.read(first.id(), unit.checkpointBefore(), unit.checkpointAfter(), eventTime);
                checkpointer.commit(eventTime);
            });
        }
        String saved = Files.readString(state.resolve("state").resolve(Checkpointer.DOCUMENT + ".json"));

        DeliveryTreeSource restarted = new DeliveryTreeSource(tree, Duration.ZERO, 1024, Duration.ofHours(24));
        new Checkpointer(new StateStore(state.resolve("state")), window).restore(List.of(restarted));
        List<String> reread = new ArrayList<>();
        for (int poll = 0; poll < 3; poll++) {
            restarted.poll(unit -> reread.add(unit.origin()));
        }

        assertEquals(all.subList(9, 11), reread, "after the mark read up to 48h, the newest older than 60h - 10h");
        assertEquals(first.checkpoint().toString(), restarted.checkpoint().toString());
        assertEquals(0, restarted.ignoredFiles());
        assertTrue(saved.contains("\"deliveredBefore\":\"2024-01-02T00:00:00Z\""), "the chosen mark's own watermark");
        for (int hour = 0; hour < 24; hour += 6) {
            assertFalse(saved.contains("_h" + hour + ".json.gz\":"), hour + "h is below every kept mark's watermark");
        }
    }

    @Test
    void aDeliveryTreePositionInTheFormatBeforeTheWatermarkIsSavedInTheNewFormByTheFirstCommit() throws IOException {
        Path tree = state.resolve("tree");
        String id = "dir:" + tree.toAbsolutePath().normalize();
        ObjectNode old = JsonNodeFactory.instance.objectNode().put("source", id);
        ObjectNode directories = old.putObject("directories");
        for (int day = 1; day <= 9; day++) {
            String name = "111122223333_CloudTrail_us-east-1_2024010" + day + "T0000Z_d" + day + ".json.gz";
            Path file = tree.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/0" + day).resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "d" + day);
            directories.putObject(tree.relativize(file.getParent()).toString()).put(name, 2);
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("watermark", 100_000L);
        document.putObject("sources").putArray(id).add(JsonNodeFactory.instance.objectNode()
                .put("maxEventTime", 1_000L).set("checkpoint", old));
        new StateStore(state).save(Checkpointer.DOCUMENT, document);
        DeliveryTreeSource source = new DeliveryTreeSource(tree, Duration.ZERO, 1024, Duration.ofHours(24));
        Checkpointer checkpointer = new Checkpointer(new StateStore(state), WINDOW);

        checkpointer.restore(List.of(source));
        checkpointer.commit(100_000L);

        String saved = Files.readString(state.resolve(Checkpointer.DOCUMENT + ".json"));
        assertTrue(saved.contains("\"deliveredBefore\":\"2024-01-08T00:00:00Z\""), saved);
        assertFalse(saved.contains("_d7.json.gz"), "day 7 is below the watermark: " + saved);
        assertTrue(saved.contains("_d8.json.gz") && saved.contains("_d9.json.gz"), saved);
        int[] reread = {0};
        source.poll(unit -> reread[0]++);
        source.poll(unit -> reread[0]++);
        assertEquals(0, reread[0], "every file was read before");
    }

    private static void readAndCommit(Checkpointer checkpointer, int n, long maxEventTime, long watermark)
            throws IOException {
        checkpointer.read(FakeSource.ID, null, position(n), maxEventTime);
        checkpointer.commit(watermark);
    }

    private static ObjectNode position(int n) {
        return JsonNodeFactory.instance.objectNode().put("source", FakeSource.ID).put("n", n);
    }

    /** Records what it is restored to; a negative position is one it rejects, as a source does a malformed one. */
    private static final class FakeSource implements LiveSource {
        static final String ID = "fake";
        ObjectNode restored;

        @Override
        public String id() {
            return ID;
        }

        @Override
        public int poll(InputConsumer consumer) {
            return 0;
        }

        @Override
        public ObjectNode checkpoint() {
            return restored;
        }

        @Override
        public void restore(ObjectNode checkpoint) {
            if (checkpoint.get("n").intValue() < 0) {
                throw new IllegalArgumentException("malformed checkpoint: n is negative");
            }
            restored = checkpoint;
        }

        @Override
        public void close() {
        }
    }
}

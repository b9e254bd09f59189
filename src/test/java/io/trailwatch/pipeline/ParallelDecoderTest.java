package io.trailwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trailwatch.cloudtrail.CloudTrailDecoder;
import io.trailwatch.source.ReplayInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelDecoderTest {

    /** What a heap running out looks like to the decoder's caller, without filling the heap. */
    private static final class Fatal extends Error {
        private static final long serialVersionUID = 1L;
    }

    @TempDir
    Path dir;

    private List<ReplayInput> inputs(int count) throws IOException {
        List<ReplayInput> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = Files.writeString(dir.resolve("input-" + i), "");
            inputs.add(new ReplayInput(file, "input-" + i));
        }
        return inputs;
    }

    /** Reports each input as skipped, except the named one, which throws {@code failure} once it has reported. */
    private static ParallelDecoder.InputDecoder failingOn(String poisoned, RuntimeException exception, Error error) {
        return (in, name, listener) -> {
            listener.onSkippedFile(name, "seen");
            if (name.equals(poisoned)) {
                if (exception != null) {
                    throw exception;
                }
                throw error;
            }
        };
    }

    private static String describe(DecodedItem item) {
        if (item instanceof DecodedItem.Skipped s) {
            return s.file();
        }
        if (item instanceof DecodedItem.Unreadable u) {
            return u.file() + " unreadable: " + u.reason();
        }
        return item.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void anErrorStopsTheRunAfterTheInputsBeforeIt(int threads) throws Exception {
        Fatal fatal = new Fatal();
        List<String> seen = new ArrayList<>();
        ParallelDecoder decoder = new ParallelDecoder(failingOn("input-3", null, fatal), threads);

        Fatal thrown = assertThrows(Fatal.class, () -> decoder.decode(inputs(8), item -> seen.add(describe(item))));

        assertSame(fatal, thrown);
        assertEquals(List.of("input-0", "input-1", "input-2"), seen.subList(0, 3));
        assertEquals(List.of(), seen.subList(3, seen.size()).stream().filter(s -> !s.equals("input-3")).toList(),
                "nothing after the failed input may reach the consumer");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void anExceptionMakesItsInputUnreadableAndTheRunGoesOn(int threads) throws Exception {
        List<String> seen = new ArrayList<>();
        new ParallelDecoder(failingOn("input-1", new IllegalStateException("boom"), null), threads)
                .decode(inputs(3), item -> seen.add(describe(item)));

        assertEquals(List.of("input-0", "input-1", "input-1 unreadable: decoder failed: java.lang.IllegalStateException: boom",
                "input-2"), seen);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void itemsArriveInInputOrder(int threads) throws Exception {
        List<String> seen = new ArrayList<>();
        new ParallelDecoder(failingOn("none", null, null), threads).decode(inputs(40), item -> seen.add(describe(item)));

        assertEquals(IntStream.range(0, 40).mapToObj(i -> "input-" + i).toList(), seen);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aFileDeletedAfterListingIsUnreadableWithTheReasonAndTheRunGoesOn(int threads) throws Exception {
        List<ReplayInput> inputs = inputs(3);
        Files.delete(inputs.get(1).path());
        List<String> seen = new ArrayList<>();
        new ParallelDecoder(failingOn("none", null, null), threads).decode(inputs, item -> seen.add(describe(item)));

        assertEquals(List.of("input-0", "input-1 unreadable: read failed: no such file or directory", "input-2"), seen);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRecordDatedWellAfterItsFilesDeliveryTimeIsBadAndTheOthersAreEvents(int threads) throws Exception {
        String records = "{\"Records\":[" + record("ok", "2024-08-01T10:03:00Z") + "," + record("skewed", "2024-08-01T11:04:00Z")
                + "," + record("corrupt", "9999-08-01T10:00:00Z") + "]}";
        String delivered = "111122223333_CloudTrail_us-east-1_20240801T1005Z_Tw0x9Qm2Lr7Pa3Ke.json";
        Path stamped = Files.writeString(dir.resolve(delivered), records);
        Path plain = Files.writeString(dir.resolve("export.json"), records);
        List<String> seen = new ArrayList<>();

        new ParallelDecoder(new CloudTrailDecoder()::decode, threads).decode(
                List.of(new ReplayInput(stamped, delivered), new ReplayInput(plain, "export.json")), item -> seen.add(
                        item instanceof DecodedItem.Event e ? e.event().getEventId()
                                : item instanceof DecodedItem.Bad b ? "bad: " + b.reason() : item.toString()));

        assertEquals(List.of("ok", "skewed", "bad: eventTime 9999-08-01T10:00:00Z is more than 60 minutes after the delivery"
                + " time in the file name (2024-08-01T10:05:00Z): CloudTrail writes a record before delivering it, so the"
                + " record is corrupt", "ok", "skewed", "corrupt"), seen, "a file without a delivery time has nothing to judge by");
    }

    private static String record(String id, String time) {
        return "{\"eventID\":\"" + id + "\",\"eventName\":\"StopLogging\",\"eventTime\":\"" + time + "\"}";
    }
}

package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.source.Origin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of bad input: exact counts, a reason naming the problem, and good records after it still decoded. */
class CloudTrailDecoderBadInputTest {

    private static String record(String id) {
        return "{\"eventID\":\"" + id + "\",\"eventName\":\"DeleteBucket\",\"eventTime\":\"2024-01-02T03:04:05Z\","
                + "\"requestParameters\":{\"bucketName\":\"b-" + id + "\"}}";
    }

    private static byte[] agent(String id, int length) {
        return ("{\"eventID\":\"" + id + "\",\"eventName\":\"X\",\"eventTime\":\"2024-01-02T03:04:05Z\",\"userAgent\":\""
                + "z".repeat(length) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void assertReason(Collected c, int index, String fragment) {
        String reason = c.bad.get(index).reason();
        assertTrue(reason.contains(fragment), () -> "reason '" + reason + "' lacks '" + fragment + "'");
    }

    @Test
    void notJsonAtAll() throws IOException {
        Collected c = Collected.decode("this is a plain text log\nline two\n");
        assertEquals(0, c.events.size());
        assertEquals(1, c.bad.size());
        assertEquals(1, c.bad.get(0).origin().line());
        assertReason(c, 0, "malformed JSON at line 1");
        assertTrue(c.bad.get(0).excerpt().startsWith("this is a plain"));
    }

    @Test
    void truncatedGzipDeliversRecordsBeforeTheDamage() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            lines.append(record("id-" + i)).append('\n');
        }
        byte[] gz = Collected.gzip(lines.toString());
        Collected c = Collected.decode(Arrays.copyOf(gz, gz.length / 2), new CloudTrailDecoder());
        assertTrue(c.events.size() > 100 && c.events.size() < 2000, "decoded " + c.events.size());
        assertEquals("id-0", c.events.get(0).event().getEventId());
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "gzip data is truncated or corrupt");
    }

    @Test
    void concatenatedGzipMembersArrivingThroughAPipeAreAllRead() throws IOException {
        byte[] first = Collected.gzip(record("a") + "\n");
        byte[] second = Collected.gzip(record("b") + "\n");
        // A pipe between two writes: available() is 0 once the first member has been read.
        InputStream pipe = new SequenceInputStream(new ByteArrayInputStream(first), new ByteArrayInputStream(second)) {
            @Override
            public int available() {
                return 0;
            }
        };
        Collected c = new Collected();
        new CloudTrailDecoder().decode(pipe, "-", c);
        assertEquals(List.of("a", "b"), c.eventIds());
        assertEquals(0, c.bad.size(), () -> c.bad.toString());
    }

    @Test
    void aDamagedSecondGzipMemberIsReportedNotTakenForTheEnd() throws IOException {
        byte[] first = Collected.gzip(record("a") + "\n");
        byte[] second = Collected.gzip(record("b") + "\n");
        second[2] = 7; // compression method: not deflate
        Collected c = Collected.decode(concat(first, second), new CloudTrailDecoder());
        assertEquals(List.of("a"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "the bytes at compressed offset " + first.length + ", after gzip member 1, are not a gzip member:"
                + " unsupported compression method 7");
    }

    @Test
    void garbageAfterTheLastGzipMemberIsReportedAfterEveryRecord() throws IOException {
        byte[] gz = Collected.gzip("{\"Records\":[" + record("a") + "," + record("b") + "]}");
        Collected c = Collected.decode(concat(gz, "GARBAGE".getBytes(StandardCharsets.US_ASCII)), new CloudTrailDecoder());
        assertEquals(List.of("a", "b"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "after gzip member 1, are not a gzip member: no gzip magic (found 0x47 0x41)");
    }

    @Test
    void gzipHeadersWithNameCommentExtraFieldAndHeaderCrcAreRead() throws IOException {
        byte[] plain = Collected.gzip(record("a") + "\n");
        byte[] header = {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3,
            3, 0, 'x', 'y', 'z', 'a', '.', 'j', 's', 'o', 'n', 0, 'h', 'i', 0};
        CRC32 headerCrc = new CRC32();
        headerCrc.update(header);
        byte[] crc16 = {(byte) headerCrc.getValue(), (byte) (headerCrc.getValue() >> 8)};
        byte[] named = concat(concat(header, crc16), Arrays.copyOfRange(plain, 10, plain.length));
        Collected c = Collected.decode(concat(named, plain), new CloudTrailDecoder());
        assertEquals(List.of("a", "a"), c.eventIds());
        assertEquals(0, c.bad.size(), () -> c.bad.toString());
    }

    @Test
    void aCorruptGzipTrailerIsReported() throws IOException {
        byte[] gz = Collected.gzip(record("a") + "\n");
        gz[gz.length - 8] ^= 1;
        Collected c = Collected.decode(gz, new CloudTrailDecoder());
        assertEquals(List.of("a"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "gzip member 1 fails its CRC or size check");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void recordsThatIsNotAnArrayIsABadRecordNotAForeignFile() throws IOException {
        Collected c = Collected.decode("{\"Records\":{\"eventID\":\"x\"}}\n{\"Records\":\"none\"}\n{\"Records\":["
                + record("a") + "]}\n");
        assertEquals(List.of("a"), c.eventIds());
        assertEquals(List.of(), c.skipped);
        assertEquals(2, c.bad.size());
        assertReason(c, 0, "Records is an object, not an array of records");
        assertEquals(Origin.offset("test", 11), c.bad.get(0).origin());
        assertEquals("{\"eventID\":\"x\"}", c.bad.get(0).excerpt());
        assertReason(c, 1, "Records is a string, not an array of records");
        assertEquals(2, c.bad.get(1).origin().line());
    }

    @Test
    void anEmptyRecordsArrayIsNeitherBadNorSkipped() throws IOException {
        Collected c = Collected.decode("{\"Records\":[]}");
        assertEquals(0, c.events.size());
        assertEquals(0, c.bad.size());
        assertEquals(List.of(), c.skipped);
    }

    @ParameterizedTest
    @CsvSource({"UTF-16, true", "UTF-16LE, false", "UTF-16BE, false"})
    void aMalformedLineInUtf16TextLosesOnlyThatLineAndIsQuotedReadably(String charset, boolean bom) throws IOException {
        String text = record("a") + "\r\n{\"eventID\": \"b\", broken \u00e9\r\n" + record("c") + "\r\n"
                + record("d").replace("b-d", "b-\ud83d\ude00") + "\r\n";
        byte[] bytes = text.getBytes(Charset.forName(charset)); // Java's UTF-16 writes a big-endian BOM
        assertEquals(bom, (bytes[0] & 0xff) == 0xfe);

        Collected c = Collected.decode(bytes, new CloudTrailDecoder());

        assertEquals(List.of("a", "c", "d"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertEquals(2, c.bad.get(0).origin().line());
        assertTrue(c.bad.get(0).excerpt().contains("{\"eventID\": \"b\", broken \u00e9"), c.bad.get(0).excerpt());
        assertEquals(3, c.events.get(1).origin().line());
        assertEquals("b-\ud83d\ude00", c.events.get(2).event().getRequestParameters().get("bucketName"));
    }

    @Test
    void malformedLineInJsonLinesLosesOnlyThatLine() throws IOException {
        Collected c = Collected.decode(record("a") + "\n{\"eventID\": \"b\", broken\n" + record("c") + "\n");
        assertEquals(List.of("a", "c"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertEquals(2, c.bad.get(0).origin().line());
        assertEquals(3, c.events.get(1).origin().line());
    }

    @Test
    void recordsWithoutCommasInRecordsArrayAreRecovered() throws IOException {
        Collected c = Collected.decode(Collected.FORMATS.resolve("zmallen/aws.execution.ec2-user-data.json"));
        assertEquals(List.of("StopInstances", "ModifyInstanceAttribute", "StartInstances"), c.eventNames());
        assertEquals(1, c.bad.size());
        assertEquals(112, c.bad.get(0).origin().line());
        assertReason(c, 0, "was expecting comma");
    }

    @Test
    void brokenFixtureWithNoRecordLineToResumeAtIsOneBadRecord() throws IOException {
        Collected c = Collected.decode(Collected.FORMATS.resolve("aws-processing-library/SerializerTestFileBadJsonFormat.json"));
        assertEquals(0, c.events.size());
        assertEquals(1, c.bad.size());
        assertEquals(3, c.bad.get(0).origin().line());
    }

    @Test
    void recordThatIsNotAnObject() throws IOException {
        Collected c = Collected.decode("[" + record("a") + ", 42, \"text\", [1], " + record("b") + "]");
        assertEquals(List.of("a", "b"), c.eventIds());
        assertEquals(3, c.bad.size());
        assertReason(c, 0, "array element is a number, not a record object");
        assertReason(c, 2, "array element is an array");
        assertEquals(List.of("42", "\"text\"", "[1]"), c.bad.stream().map(Collected.Bad::excerpt).toList());
    }

    @Test
    void missingRequiredFields() throws IOException {
        Collected c = Collected.decode(record("a") + "\n{\"eventID\":\"x\",\"eventName\":\"GetObject\"}\n"
                + "{\"eventTime\":\"2024-01-02T03:04:05Z\",\"eventName\":\"GetObject\"}\n" + record("b"));
        assertEquals(List.of("a", "b"), c.eventIds());
        assertEquals(2, c.bad.size());
        assertReason(c, 0, "missing eventTime");
        assertReason(c, 1, "missing eventID");
        assertEquals(2, c.bad.get(0).origin().line());
    }

    @Test
    void unparseableEventTimeNamesTheValue() throws IOException {
        Collected c = Collected.decode(Collected.FORMATS.resolve("aws-processing-library/SerializerTestFileMissField.json"));
        assertEquals(0, c.events.size());
        assertEquals(4, c.bad.size());
        assertReason(c, 3, "eventTime 'ThisIsAWrongEventTime' is not a timestamp");
        Collected mixed = Collected.decode("{\"eventID\":\"x\",\"eventName\":\"A\",\"eventTime\":\"yesterday\"}\n" + record("b"));
        assertEquals(List.of("b"), mixed.eventIds());
        assertEquals(1, mixed.bad.size());
    }

    @Test
    void allNullFieldsAreMissingFields() throws IOException {
        Collected c = Collected.decode(Collected.FORMATS.resolve("aws-processing-library/SerializerAllFieldsNull.json"));
        assertEquals(2, c.bad.size());
        assertEquals("missing eventID; missing eventName; missing eventTime (and no @timestamp)", c.bad.get(0).reason());
    }

    @Test
    void wrongTypesOfOptionalFieldsAreIgnoredOfRequiredFieldsAreBad() throws IOException {
        Collected c = Collected.decode("{\"eventID\":\"w\",\"eventName\":\"DeleteBucket\",\"eventTime\":\"2024-01-02T03:04:05Z\","
                + "\"userIdentity\":\"root\",\"requestParameters\":12,\"responseElements\":[1],\"resources\":{\"ARN\":\"x\"},"
                + "\"awsRegion\":{\"a\":1},\"readOnly\":\"false\",\"errorCode\":\"\"}\n"
                + "{\"eventID\":7,\"eventName\":[\"X\"],\"eventTime\":\"2024-01-02T03:04:05Z\"}\n" + record("b"));
        assertEquals(List.of("w", "b"), c.eventIds());
        CloudTrailEvent w = c.events.get(0).event();
        assertEquals("unknown", w.getPrincipal());
        assertTrue(w.getRequestParameters().isEmpty());
        assertEquals(null, w.getRegion());
        assertEquals(Boolean.FALSE, w.getReadOnly());
        assertTrue(w.isSuccess());
        assertEquals(1, c.bad.size());
        assertEquals("eventID is a number (7), expected a string; eventName is an array, expected a string",
                c.bad.get(0).reason());
    }

    private static String deliveryFile(String... records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    private static final String SYNTAX_ERROR = "{\"eventID\":\"x\",,\"eventName\":\"Y\"}";

    @Test
    void oneBadRecordInAOneLineDeliveryFileCostsOnlyThatRecord() throws IOException {
        String line = deliveryFile(record("a"), SYNTAX_ERROR, record("c"), record("d"));
        Collected c = Collected.decode(line + "\n" + deliveryFile(record("e")) + "\n");

        assertEquals(List.of("a", "c", "d", "e"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertEquals(line.indexOf(SYNTAX_ERROR), c.bad.get(0).origin().offset());
        assertReason(c, 0, "decoding resumes at the next element of the array");
        assertTrue(c.bad.get(0).excerpt().startsWith(SYNTAX_ERROR), c.bad.get(0).excerpt());
        assertEquals(Origin.offset("test", line.indexOf(record("c"))), c.events.get(1).origin(),
                "a record after the restart is located as if read in one go");
        assertEquals(Origin.offset("test", line.indexOf(record("d"))), c.events.get(2).origin());
        assertEquals(2, c.events.get(3).origin().line());
    }

    @Test
    void aBadRecordInTheMiddleOfAGzippedOneLineFileCostsOnlyThatRecord() throws IOException {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            records.append(i == 0 ? "" : ",").append(i == 200 ? SYNTAX_ERROR : record("r" + i));
        }
        byte[] gz = Collected.gzip("{\"Records\":[" + records + "]}");

        Collected c = Collected.decode(gz, new CloudTrailDecoder());

        assertEquals(399, c.events.size());
        assertEquals(1, c.bad.size());
        assertEquals("r201", c.events.get(200).event().getEventId());
    }

    @Test
    void aRecordOverTheNestingLimitIsSkippedAloneAndStringsDoNotConfuseTheSkip() throws IOException {
        String deep = "{\"eventID\":\"b\",\"eventName\":\"X\",\"eventTime\":\"2024-01-02T03:04:05Z\",\"requestParameters\":"
                + "{\"a\":".repeat(100) + "\"}],[{\\\"\"" + "}".repeat(100) + "}";
        Collected c = Collected.decode(deliveryFile(record("a"), deep, record("c")));

        assertEquals(List.of("a", "c"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "nesting depth");
    }

    @Test
    void consecutiveBadRecordsAreEachReported() throws IOException {
        Collected c = Collected.decode(deliveryFile(record("a"), SYNTAX_ERROR, SYNTAX_ERROR, record("d")));

        assertEquals(List.of("a", "d"), c.eventIds());
        assertEquals(2, c.bad.size());
    }

    @Test
    void aBadLastRecordIsReportedAndTheClosingBracketsAreNot() throws IOException {
        Collected c = Collected.decode(deliveryFile(record("a"), SYNTAX_ERROR) + "\n" + deliveryFile(record("b"), SYNTAX_ERROR));

        assertEquals(List.of("a", "b"), c.eventIds());
        assertEquals(2, c.bad.size());
        assertEquals(2, c.bad.get(1).origin().line());
    }

    @Test
    void aBadElementOfAPrettyPrintedTopLevelArrayCostsOnlyThatElement() throws IOException {
        Collected c = Collected.decode("[\n  " + record("a") + ",\n  " + SYNTAX_ERROR + ",\n  " + record("c") + "\n]\n");

        assertEquals(List.of("a", "c"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertEquals(3, c.bad.get(0).origin().line());
        assertEquals(4, c.events.get(1).origin().line());
    }

    @Test
    void absurdlyDeepNestingIsBoundedByTheLimit() throws IOException {
        String deep = "{\"eventID\":\"d\",\"eventName\":\"X\",\"eventTime\":\"2024-01-02T03:04:05Z\",\"requestParameters\":"
                + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}";
        Collected c = Collected.decode(record("a") + "\n" + deep + "\n" + record("b"));
        assertEquals(List.of("a", "b"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "nesting depth");
        assertReason(c, 0, "DecodeLimits");
    }

    @Test
    void hugeStringIsBoundedByTheLimit() throws IOException {
        CloudTrailDecoder decoder = new CloudTrailDecoder(new DecodeLimits(64, 10_000, 1000, 1 << 20));
        String huge = "{\"eventID\":\"h\",\"eventName\":\"X\",\"eventTime\":\"2024-01-02T03:04:05Z\",\"userAgent\":\""
                + "x".repeat(50_000) + "\"}";
        Collected c = Collected.decode((record("a") + "\n" + huge + "\n" + record("b")).getBytes(StandardCharsets.UTF_8), decoder);
        assertEquals(List.of("a", "b"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "String value length");
    }

    @Test
    void aStringOverTheLimitInAOneLineDeliveryFileCostsOnlyItsRecordHoweverLong() throws IOException {
        CloudTrailDecoder decoder = new CloudTrailDecoder(new DecodeLimits(64, 100_000, 1000, 1 << 20));
        // After the limit: escaped quotes and brackets inside the string, then more of the record, nested.
        String huge = "{\"eventID\":\"h\",\"eventName\":\"X\",\"eventTime\":\"2024-01-02T03:04:05Z\","
                + "\"requestParameters\":{\"policy\":{\"doc\":\"" + "x".repeat(300_000) + "\\\"}],[{\\\\\"},"
                + "\"more\":[1,{\"k\":\"]}\"}]},\"userAgent\":\"u\"}";
        String line = deliveryFile(record("a"), huge, record("b"), record("c"));
        Collected c = Collected.decode((line + "\n" + deliveryFile(record("d")) + "\n").getBytes(StandardCharsets.UTF_8), decoder);

        assertEquals(List.of("a", "b", "c", "d"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "String value length");
        assertReason(c, 0, "decoding resumes at the next element of the array");
        assertEquals(Origin.offset("test", line.indexOf(huge)), c.bad.get(0).origin());
        assertEquals(Origin.offset("test", line.indexOf(record("b"))), c.events.get(1).origin());
        assertEquals(2, c.events.get(3).origin().line());
    }

    @Test
    void aStringOverTheLimitInAPrettyPrintedArrayCostsOnlyItsElement() throws IOException {
        CloudTrailDecoder decoder = new CloudTrailDecoder(new DecodeLimits(64, 100_000, 1000, 1 << 20));
        String huge = "{\"eventID\":\"h\",\"userAgent\":\"" + "y".repeat(300_000) + "\",\n    \"eventName\":\"X\"}";
        String text = "[\n  " + record("a") + ",\n  " + huge + ",\n  " + record("b") + "\n]\n";
        Collected c = Collected.decode(text.getBytes(StandardCharsets.UTF_8), decoder);

        assertEquals(List.of("a", "b"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertEquals(3, c.bad.get(0).origin().line());
        assertEquals(5, c.events.get(1).origin().line());
    }

    @Test
    void theStringLimitHoldsWhateverWasDecodedBeforeOnTheThread() throws IOException {
        Collected allowed = Collected.decode(agent("long", 300_000), new CloudTrailDecoder());
        assertEquals(List.of("long"), allowed.eventIds(), "leaves the thread's recycled parser buffer at its largest");

        Collected c = Collected.decode(agent("l", 50_000), new CloudTrailDecoder(new DecodeLimits(64, 10_000, 1000, 1 << 20)));
        assertEquals(List.of(), c.eventIds());
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "String value length");
    }

    @Test
    void recordOverMaxRecordBytesIsSkippedToItsEnd() throws IOException {
        CloudTrailDecoder decoder = new CloudTrailDecoder(new DecodeLimits(64, 1 << 20, 1000, 2000));
        StringBuilder big = new StringBuilder("{\"eventID\":\"big\",\"eventName\":\"X\",\"eventTime\":\"2024-01-02T03:04:05Z\","
                + "\"requestParameters\":{");
        for (int i = 0; i < 5000; i++) {
            big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":[").append(i).append(']');
        }
        big.append("}}");
        String envelope = "{\"Records\":[" + record("a") + "," + big + "," + record("b") + "]}";
        Collected c = Collected.decode(envelope.getBytes(StandardCharsets.UTF_8), decoder);
        assertEquals(List.of("a", "b"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "larger than DecodeLimits.maxRecordBytes (2000)");
        assertNotNull(c.bad.get(0).excerpt());
        assertTrue(c.bad.get(0).excerpt().startsWith("{\"eventID\":\"big\""));
    }

    @Test
    void flatObjectsAndArraysOverMaxRecordBytesAreBoundedMemberByMember() throws IOException {
        CloudTrailDecoder decoder = new CloudTrailDecoder(new DecodeLimits(64, 1 << 20, 1000, 2000));
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            members.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        String flatObject = "{\"eventID\":\"o\",\"eventName\":\"X\",\"eventTime\":\"2024-01-02T03:04:05Z\","
                + "\"requestParameters\":{" + members + "}}";
        String flatArray = "{\"eventID\":\"a\",\"eventName\":\"X\",\"eventTime\":\"2024-01-02T03:04:05Z\","
                + "\"requestParameters\":{\"ids\":[" + "12345,".repeat(5000) + "1]}}";
        Collected c = Collected.decode((flatObject + "\n" + flatArray + "\n" + record("b")).getBytes(StandardCharsets.UTF_8),
                decoder);

        assertEquals(List.of("b"), c.eventIds());
        assertEquals(2, c.bad.size(), c.toString());
        assertReason(c, 0, "larger than DecodeLimits.maxRecordBytes (2000)");
        assertReason(c, 1, "larger than DecodeLimits.maxRecordBytes (2000)");
    }

    @Test
    void aLargeJsonDocumentOfAnotherKindIsSkippedAsNotCloudTrailNotReportedBad() throws IOException {
        CloudTrailDecoder decoder = new CloudTrailDecoder(new DecodeLimits(64, 1 << 20, 1000, 2000));
        StringBuilder answerKey = new StringBuilder("{\"generator\":{\"events\":1000},\"scenarios\":[");
        for (int i = 0; i < 200; i++) {
            answerKey.append(i == 0 ? "" : ",").append("{\"id\":\"scn-").append(i).append("\",\"eventIds\":[\"e\"]}");
        }
        answerKey.append("]}");
        Collected c = Collected.decode(answerKey.toString().getBytes(StandardCharsets.UTF_8), decoder);

        assertEquals(List.of(), c.bad);
        assertEquals(1, c.skipped.size(), c.toString());
        assertTrue(c.skipped.get(0).contains("not CloudTrail data") && c.skipped.get(0).contains("[generator, scenarios]"),
                c.skipped.get(0));
    }

    @Test
    void aTopLevelRecordOverMaxRecordBytesIsStillBadWhenItsCloudTrailKeysCameFirst() throws IOException {
        CloudTrailDecoder decoder = new CloudTrailDecoder(new DecodeLimits(64, 1 << 20, 1000, 2000));
        StringBuilder big = new StringBuilder("{\"eventID\":\"big\",\"eventName\":\"X\",\"requestParameters\":{");
        for (int i = 0; i < 5000; i++) {
            big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":[").append(i).append(']');
        }
        big.append("}}");
        Collected c = Collected.decode((big + "\n" + record("b")).getBytes(StandardCharsets.UTF_8), decoder);

        assertEquals(List.of("b"), c.eventIds());
        assertEquals(List.of(), c.skipped);
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "larger than DecodeLimits.maxRecordBytes (2000)");
    }

    @Test
    void brokenEmbeddedRecordsAreBadOthersDecoded() throws IOException {
        String lookup = "{\"Events\":[{\"CloudTrailEvent\":\"not json\"},{\"CloudTrailEvent\":42},"
                + "{\"CloudTrailEvent\":" + quote(record("a")) + "}]}";
        Collected c = Collected.decode(lookup);
        assertEquals(List.of("a"), c.eventIds());
        assertEquals(2, c.bad.size());
        assertReason(c, 0, "Events[].CloudTrailEvent is not valid JSON");
        assertReason(c, 1, "Events[].CloudTrailEvent is missing or not a string");
    }

    @Test
    void nonCloudTrailObjectAfterRecordsIsBadNotSkipped() throws IOException {
        Collected c = Collected.decode(record("a") + "\n{\"hello\":\"world\"}\n" + record("b"));
        assertEquals(List.of("a", "b"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertTrue(c.skipped.isEmpty());
        assertReason(c, 0, "keys [hello]");
    }

    @Test
    void failingSourceIsRethrownAfterReportingWhatWasRead() {
        byte[] good = (record("a") + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream failing = new InputStream() {
            private final InputStream data = new ByteArrayInputStream(good);

            @Override
            public int read() throws IOException {
                int c = data.read();
                if (c < 0) {
                    throw new IOException("connection reset");
                }
                return c;
            }
        };
        Collected c = new Collected();
        IOException thrown = assertThrows(IOException.class, () -> new CloudTrailDecoder().decode(failing, "s3", c));
        assertEquals("connection reset", thrown.getMessage());
        assertEquals(List.of("a"), c.eventIds());
        assertEquals(1, c.bad.size());
        assertReason(c, 0, "reading the input failed");
    }

    @Test
    void invalidLimitsAreRejectedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DecodeLimits(64, 0, 1000, 1));
        assertTrue(e.getMessage().contains("maxStringLength is 0"), e.getMessage());
    }

    @Test
    void deadLetteredInputFromATempFileKeepsItsName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path file = dir.resolve("x.json");
        Files.writeString(file, "[1]");
        Collected c = Collected.decode(file);
        assertEquals(file.toString(), c.bad.get(0).origin().file());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

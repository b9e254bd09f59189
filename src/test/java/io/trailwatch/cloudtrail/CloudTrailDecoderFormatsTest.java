package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per delivery format, on real records from testdata/formats. */
class CloudTrailDecoderFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STRATUS_ADMIN = Collected.FORMATS.resolve("stratus/aws.persistence.iam-create-admin-user.json");
    private static final List<String> ADMIN_IDS = List.of("083dc4ad-e264-46bc-a407-d0dd31b58bdc",
            "94faedcc-0fa4-46e6-9322-022e8e934f04", "3346344c-5a3e-429e-8405-420f98f75d6e");

    private static List<String> stratusRecords() throws IOException {
        List<String> out = new ArrayList<>();
        JSON.readTree(STRATUS_ADMIN.toFile()).forEach(n -> out.add(n.toString()));
        return out;
    }

    @Test
    void bareArrayOfRecords() throws IOException {
        Collected c = Collected.decode(STRATUS_ADMIN);
        assertEquals(ADMIN_IDS, c.eventIds());
        assertEquals(0, c.bad.size());
        assertEquals(2, c.events.get(0).origin().line());
    }

    @Test
    void s3DeliveryEnvelopeWithVendorKeys() throws IOException {
        Collected c = Collected.decode(Collected.FORMATS.resolve("zmallen/aws.defense-evasion.cloudtrail-delete.json"));
        CloudTrailEvent e = c.only();
        assertEquals("DeleteTrail", e.getEventName());
        assertEquals("arn:aws:iam::677301038893:role/account-admin", e.getPrincipal());
        assertEquals(List.of("my-cloudtrail-trail-2"), List.of(e.getResourceIds()));
        assertEquals(3, c.events.get(0).origin().line());
    }

    @Test
    void gzippedS3DeliveryDetectedByContentNotName() throws IOException {
        String envelope = "{\"Records\":[" + String.join(",", stratusRecords()) + "],\"extra\":{\"k\":1}}";
        Collected c = Collected.decode(Collected.gzip(envelope), new CloudTrailDecoder());
        assertEquals(ADMIN_IDS, c.eventIds());
        assertEquals(-1, c.events.get(1).origin().line(), "one-line input: offsets, not lines");
        assertTrue(c.events.get(1).origin().offset() > 12);
    }

    @Test
    void jsonLinesWithTimestampInsteadOfEventTime() throws IOException {
        Collected c = Collected.decode(Collected.FORMATS.resolve("otrf/ec2_proxy_s3_exfiltration_first5.jsonl"));
        assertEquals(5, c.events.size());
        assertEquals(0, c.bad.size());
        assertEquals("2020-09-14T00:44:23Z", c.events.get(0).event().getEventTime());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), c.events.stream().map(e -> e.origin().line()).toList());
    }

    @Test
    void concatenatedAndPrettyPrintedRecords() throws IOException {
        List<String> r = stratusRecords();
        assertEquals(ADMIN_IDS, Collected.decode(r.get(0) + r.get(1) + r.get(2)).eventIds());
        assertEquals(ADMIN_IDS, Collected.decode(r.get(0) + "\n" + r.get(1) + " \r\n" + r.get(2)).eventIds());
        StringBuilder pretty = new StringBuilder();
        for (String s : r) {
            pretty.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(s))).append('\n');
        }
        Collected c = Collected.decode(pretty.toString());
        assertEquals(ADMIN_IDS, c.eventIds());
        assertEquals(1, c.events.get(0).origin().line());
    }

    @Test
    void eventBridgeEnvelopesOnePerLineAndInArrays() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String record : stratusRecords()) {
            lines.add("{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.iam\","
                    + "\"account\":\"229654561268\",\"time\":\"2024-08-01T13:33:28Z\",\"region\":\"us-east-1\","
                    + "\"resources\":[],\"detail\":" + record + "}");
        }
        Collected perLine = Collected.decode(String.join("\n", lines));
        assertEquals(ADMIN_IDS, perLine.eventIds());
        assertEquals(2, perLine.events.get(1).origin().line());
        assertEquals(ADMIN_IDS, Collected.decode("[" + String.join(",", lines) + "]").eventIds());
    }

    @Test
    void lookupEventsOutputHoldsRecordsAsStrings() throws IOException {
        ArrayNode events = JSON.createArrayNode();
        for (String record : stratusRecords()) {
            ObjectNode entry = events.addObject();
            entry.put("EventId", "x").put("EventName", "y").put("CloudTrailEvent", record);
            entry.putArray("Resources");
        }
        ObjectNode output = JSON.createObjectNode();
        output.set("Events", events);
        output.put("NextToken", "abc");
        Collected c = Collected.decode(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(output));
        assertEquals(ADMIN_IDS, c.eventIds());
        assertEquals(0, c.bad.size());
    }

    @Test
    void cloudWatchLogsPayloadsGzippedAndConcatenated() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(Collected.gzip(cloudWatch("DATA_MESSAGE", stratusRecords().subList(0, 2))));
        stream.write(Collected.gzip(cloudWatch("CONTROL_MESSAGE", List.of("CWL CONTROL MESSAGE: Checking health of destination"))));
        stream.write(Collected.gzip(cloudWatch("DATA_MESSAGE", stratusRecords().subList(2, 3))
                + cloudWatch("DATA_MESSAGE", List.of())));
        Collected c = Collected.decode(stream.toByteArray(), new CloudTrailDecoder());
        assertEquals(ADMIN_IDS, c.eventIds());
        assertEquals(0, c.bad.size());
        assertEquals(1, c.skipped.size());
        assertTrue(c.skipped.get(0).contains("CONTROL_MESSAGE"), c.skipped.get(0));
    }

    private static String cloudWatch(String type, List<String> messages) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("messageType", type).put("owner", "229654561268").put("logGroup", "aws-cloudtrail");
        ArrayNode logEvents = payload.putArray("logEvents");
        for (int i = 0; i < messages.size(); i++) {
            logEvents.addObject().put("id", String.valueOf(i)).put("timestamp", 1722519208000L).put("message", messages.get(i));
        }
        return payload.toString();
    }

    @Test
    void eventTimeSpellingsAreNormalised() throws IOException {
        Collected c = Collected.decode(Collected.FORMATS.resolve("panther/eventtime_formats.jsonl"));
        assertEquals(List.of("2019-01-01T00:00:00Z", "2019-01-01T00:00:00Z", "2025-01-21T17:49:47Z",
                "2022-11-21T18:06:52Z", "2021-01-24T04:55:45Z", "2021-05-20T15:53:47Z"),
                c.events.stream().map(e -> e.event().getEventTime()).toList());
        assertEquals(1611464145000L, c.events.get(4).event().getEventTimeMillis());
    }

    @Test
    void digestAndOtherJsonAreSkippedNotDeadLettered() throws IOException {
        Collected digest = Collected.decode("{\"awsAccountId\":\"1\",\"digestStartTime\":\"2024-01-01T00:00:00Z\","
                + "\"digestEndTime\":\"2024-01-01T01:00:00Z\",\"logFiles\":[{\"s3Object\":\"a.json.gz\"}]}");
        assertEquals(0, digest.events.size());
        assertEquals(0, digest.bad.size());
        assertTrue(digest.skipped.get(0).contains("digest"), digest.skipped.toString());

        Collected sqs = Collected.decode(Collected.FORMATS.resolve("aws-processing-library/SQSMessageBody"));
        assertEquals(0, sqs.bad.size());
        assertEquals(1, sqs.skipped.size());
        assertTrue(sqs.skipped.get(0).contains("TopicArn"), sqs.skipped.get(0));
    }

    @Test
    void emptyInputIsSkipped() throws IOException {
        Collected c = Collected.decode("");
        assertEquals(List.of("empty input: no JSON value"), c.skipped);
    }

    @Test
    void decodesAFileByPath(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("no-extension");
        Files.write(file, Collected.gzip("{\"Records\":[" + stratusRecords().get(2) + "]}"));
        Collected c = Collected.decode(file);
        assertEquals("CreateUser", c.only().getEventName());
        assertEquals(file.toString(), c.events.get(0).origin().file());
    }
}

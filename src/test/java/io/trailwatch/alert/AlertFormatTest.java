package io.trailwatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertFormatTest {

    private static final Alert ALERT = new Alert("0123abcd", "iam-user-create-use-delete", "IAM user created, used, deleted",
            Severity.HIGH, List.of("T1136.003"), "arn:aws:iam::1:user/alice", "111122223333", List.of("eu-west-1", "us-east-1"),
            "2024-01-02T03:00:00Z", "2024-01-02T03:04:05Z", 2, List.of("e1", "e2"), "alice made user bob", false, null);
    private static final Alert SUPPRESSED = new Alert("0123abcd", "r", "t", Severity.LOW, List.of(), "p", "1",
            List.of(), "2024-01-02T03:00:00Z", "2024-01-02T03:04:05Z", 0, List.of(), "s", true, "maintenance window CHG-1");

    @Test
    void jsonHasRecordComponentOrderAndOmitsNullReason() {
        assertEquals("{\"alertId\":\"0123abcd\",\"ruleId\":\"iam-user-create-use-delete\",\"title\":\"IAM user created, used, deleted\","
                + "\"severity\":\"HIGH\",\"techniques\":[\"T1136.003\"],\"principal\":\"arn:aws:iam::1:user/alice\","
                + "\"accountId\":\"111122223333\",\"regions\":[\"eu-west-1\",\"us-east-1\"],\"firstEventTime\":\"2024-01-02T03:00:00Z\","
                + "\"lastEventTime\":\"2024-01-02T03:04:05Z\",\"eventCount\":2,\"eventIds\":[\"e1\",\"e2\"],"
                + "\"summary\":\"alice made user bob\",\"suppressed\":false}", new JsonAlertFormat().render(ALERT));
    }

    @Test
    void jsonKeepsReasonOfSuppressedAlertAsLastKeyAndParsesBack() throws Exception {
        String json = new JsonAlertFormat().render(SUPPRESSED);

        assertTrue(json.endsWith("\"suppressed\":true,\"suppressionReason\":\"maintenance window CHG-1\"}"), json);
        assertEquals(SUPPRESSED, JsonAlertFormat.parse(json));
        assertEquals(ALERT, JsonAlertFormat.parse(new JsonAlertFormat().render(ALERT)));
    }

    @Test
    void textIsOneReadableLine() {
        assertEquals("2024-01-02T03:04:05Z HIGH  iam-user-create-use-delete  arn:aws:iam::1:user/alice  alice made user bob  (0123abcd)",
                new TextAlertFormat().render(ALERT));
        assertTrue(new TextAlertFormat().render(SUPPRESSED).contains(" s [suppressed: maintenance window CHG-1]  (0123abcd)"));
    }

    @Test
    void textReplacesControlCharactersFromEventData() {
        Alert hostile = new Alert("id", "r", "t", Severity.LOW, List.of(), "p\n\u001b[31m", "1", List.of(),
                "2024-01-02T03:00:00Z", "2024-01-02T03:04:05Z", 0, List.of(), "line1\nline2", false, null);

        String text = new TextAlertFormat().render(hostile);

        assertFalse(text.contains("\n") || text.contains("\u001b"), text);
    }

    @Test
    void ocsfDetectionFindingKeyFields() throws Exception {
        JsonNode f = new ObjectMapper().readTree(new OcsfAlertFormat().render(ALERT));

        assertEquals(2004, f.get("class_uid").asInt());
        assertEquals(2, f.get("category_uid").asInt());
        assertEquals(1, f.get("activity_id").asInt());
        assertEquals(200401, f.get("type_uid").asLong());
        assertEquals(4, f.get("severity_id").asInt());
        assertEquals(1_704_164_645_000L, f.get("time").asLong());
        assertEquals(1, f.get("status_id").asInt());
        JsonNode info = f.get("finding_info");
        assertEquals("0123abcd", info.get("uid").asText());
        assertEquals("IAM user created, used, deleted", info.get("title").asText());
        assertEquals("alice made user bob", info.get("desc").asText());
        assertEquals("iam-user-create-use-delete", info.at("/analytic/uid").asText());
        assertEquals(1, info.at("/analytic/type_id").asInt());
        assertEquals("T1136.003", info.at("/attacks/0/technique/uid").asText());
        assertEquals(1_704_164_400_000L, info.get("first_seen_time").asLong());
        assertEquals("e2", info.at("/related_events/1/uid").asText());
        assertEquals("arn:aws:iam::1:user/alice", f.at("/actor/user/uid").asText());
        assertEquals("AWS", f.at("/cloud/provider").asText());
        assertEquals("111122223333", f.at("/cloud/account/uid").asText());
        assertEquals("eu-west-1", f.at("/cloud/region").asText());
        assertEquals("1.1.0", f.at("/metadata/version").asText());
        assertEquals("Trailwatch", f.at("/metadata/product/name").asText());
        assertEquals("Trailwatch", f.at("/metadata/product/vendor_name").asText());
    }

    @Test
    void ocsfMarksSuppressedAlerts() throws Exception {
        JsonNode f = new ObjectMapper().readTree(new OcsfAlertFormat().render(SUPPRESSED));

        assertEquals(3, f.get("status_id").asInt());
        assertEquals("Suppressed", f.get("status").asText());
        assertEquals("maintenance window CHG-1", f.get("status_detail").asText());
        assertEquals(2, f.get("severity_id").asInt());
    }

    @Test
    void namedSelectsFormatsAndRejectsUnknownNames() {
        assertInstanceOf(TextAlertFormat.class, AlertFormat.named("TEXT"));
        assertInstanceOf(JsonAlertFormat.class, AlertFormat.named("json"));
        assertInstanceOf(OcsfAlertFormat.class, AlertFormat.named("ocsf"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlertFormat.named("xml"));
        assertEquals("unknown alert format 'xml' (use one of text, json, ocsf)", e.getMessage());
    }
}

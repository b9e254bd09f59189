package io.trailwatch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * An alert as an OCSF 1.1 Detection Finding (class 2004, category 2 Findings, activity 1 Create), the shape
 * SOC tools ingest. The rule is the analytic, ATT&amp;CK ids become {@code finding_info.attacks}, the evidence
 * event ids become {@code finding_info.related_events}. A suppressed alert has status 3 Suppressed with the
 * reason in {@code status_detail}; otherwise status 1 New. Fields OCSF has no place for go under
 * {@code unmapped}.
 */
public final class OcsfAlertFormat implements AlertFormat {

    static final String OCSF_VERSION = "1.1.0";
    private static final int CLASS_UID = 2004;
    private static final int ACTIVITY_CREATE = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String render(Alert a) {
        try {
            return MAPPER.writeValueAsString(toOcsf(a));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree of strings and numbers always serialises", e);
        }
    }

    @Override
    public String name() {
        return "ocsf";
    }

    /** The Detection Finding as a JSON tree. */
    public static ObjectNode toOcsf(Alert a) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("class_uid", CLASS_UID);
        root.put("class_name", "Detection Finding");
        root.put("category_uid", 2);
        root.put("category_name", "Findings");
        root.put("activity_id", ACTIVITY_CREATE);
        root.put("activity_name", "Create");
        root.put("type_uid", CLASS_UID * 100L + ACTIVITY_CREATE);
        root.put("severity_id", severityId(a.severity()));
        root.put("severity", severityLabel(a.severity()));
        root.put("time", epochMillis(a.lastEventTime()));
        root.put("message", a.summary());
        if (a.suppressed()) {
            root.put("status_id", 3);
            root.put("status", "Suppressed");
            root.put("status_detail", a.suppressionReason());
        } else {
            root.put("status_id", 1);
            root.put("status", "New");
        }
        findingInfo(root.putObject("finding_info"), a);
        ObjectNode user = root.putObject("actor").putObject("user");
        user.put("uid", a.principal());
        user.put("name", a.principal());
        ObjectNode cloud = root.putObject("cloud");
        cloud.put("provider", "AWS");
        cloud.putObject("account").put("uid", a.accountId());
        if (!a.regions().isEmpty()) {
            cloud.put("region", a.regions().get(0));
        }
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("version", OCSF_VERSION);
        metadata.put("uid", a.alertId());
        ObjectNode product = metadata.putObject("product");
        product.put("name", "Trailwatch");
        product.put("vendor_name", "Trailwatch");
        ObjectNode unmapped = root.putObject("unmapped");
        unmapped.put("event_count", a.eventCount());
        unmapped.put("first_event_time", a.firstEventTime());
        unmapped.put("last_event_time", a.lastEventTime());
        a.regions().forEach(unmapped.putArray("regions")::add);
        return root;
    }

    private static void findingInfo(ObjectNode info, Alert a) {
        info.put("uid", a.alertId());
        info.put("title", a.title());
        info.put("desc", a.summary());
        info.putArray("types").add(a.ruleId());
        ObjectNode analytic = info.putObject("analytic");
        analytic.put("uid", a.ruleId());
        analytic.put("name", a.title());
        analytic.put("type_id", 1);
        analytic.put("type", "Rule");
        ArrayNode attacks = info.putArray("attacks");
        for (String technique : a.techniques()) {
            ObjectNode attack = attacks.addObject();
            attack.putObject("technique").put("uid", technique);
        }
        info.put("first_seen_time", epochMillis(a.firstEventTime()));
        info.put("last_seen_time", epochMillis(a.lastEventTime()));
        ArrayNode related = info.putArray("related_events");
        for (String id : a.eventIds()) {
            related.addObject().put("uid", id);
        }
    }

    /** Epoch millis of an ISO-8601 time; 0 when unreadable, the original text then stays in {@code unmapped}. */
    private static long epochMillis(String isoTime) {
        try {
            return OffsetDateTime.parse(isoTime).toInstant().toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            return 0;
        }
    }

    private static int severityId(Severity s) {
        if (s == null) {
            return 0;
        }
        return switch (s) {
            case INFO -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    private static String severityLabel(Severity s) {
        if (s == null) {
            return "Unknown";
        }
        return s == Severity.INFO ? "Informational" : s.name().charAt(0) + s.label().substring(1);
    }
}

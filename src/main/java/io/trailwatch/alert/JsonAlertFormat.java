package io.trailwatch.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One JSON object per alert, keys in the order of the {@link Alert} record components; {@code severity} is
 * the enum name ({@code HIGH}); {@code suppressionReason} is left out when null. {@link #parse} reads it back.
 */
public final class JsonAlertFormat implements AlertFormat {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Override
    public String render(Alert a) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, a);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    @Override
    public String name() {
        return "json";
    }

    /** Reads an alert written by {@link #render}. */
    public static Alert parse(String json) throws IOException {
        return READER.readValue(json, Alert.class);
    }

    /** Writes {@code a} as one object into {@code g}, for callers building arrays of alerts. */
    static void write(JsonGenerator g, Alert a) throws IOException {
        g.writeStartObject();
        g.writeStringField("alertId", a.alertId());
        g.writeStringField("ruleId", a.ruleId());
        g.writeStringField("title", a.title());
        g.writeStringField("severity", a.severity() == null ? null : a.severity().name());
        writeList(g, "techniques", a.techniques());
        g.writeStringField("principal", a.principal());
        g.writeStringField("accountId", a.accountId());
        writeList(g, "regions", a.regions());
        g.writeStringField("firstEventTime", a.firstEventTime());
        g.writeStringField("lastEventTime", a.lastEventTime());
        g.writeNumberField("eventCount", a.eventCount());
        writeList(g, "eventIds", a.eventIds());
        g.writeStringField("summary", a.summary());
        g.writeBooleanField("suppressed", a.suppressed());
        if (a.suppressionReason() != null) {
            g.writeStringField("suppressionReason", a.suppressionReason());
        }
        g.writeEndObject();
    }

    private static void writeList(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}

package io.trailwatch.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Encodes an {@link ApiEvent} as one CloudTrail record, fields in the order CloudTrail writes them. */
final class RecordEncoder {

    private static final String EVENT_VERSION = "1.09";
    private final JsonFactory factory = new JsonFactory();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedTime;

    byte[] encode(ApiEvent e) {
        buffer.reset();
        try (JsonGenerator g = factory.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("eventVersion", EVENT_VERSION);
            g.writeFieldName("userIdentity");
            e.identity().write(g);
            g.writeStringField("eventTime", isoSecond(e.timeMillis()));
            g.writeStringField("eventSource", e.eventSource());
            g.writeStringField("eventName", e.eventName());
            g.writeStringField("awsRegion", e.region());
            g.writeStringField("sourceIPAddress", e.client().sourceIp());
            g.writeStringField("userAgent", e.client().userAgent());
            if (e.errorCode() != null) {
                g.writeStringField("errorCode", e.errorCode());
                g.writeStringField("errorMessage", e.errorMessage());
            }
            writeMap(g, "requestParameters", e.requestParameters());
            writeMap(g, "responseElements", e.failed() ? null : e.responseElements());
            g.writeStringField("requestID", e.requestId());
            g.writeStringField("eventID", e.eventId());
            g.writeBooleanField("readOnly", e.readOnly());
            if (e.resources() != null) {
                g.writeFieldName("resources");
                Json.write(g, e.resources());
            }
            g.writeStringField("eventType", "AwsApiCall");
            g.writeBooleanField("managementEvent", true);
            g.writeStringField("recipientAccountId", e.accountId());
            g.writeStringField("eventCategory", "Management");
            if (e.tlsHost() != null) {
                g.writeObjectFieldStart("tlsDetails");
                g.writeStringField("tlsVersion", "TLSv1.3");
                g.writeStringField("cipherSuite", "TLS_AES_128_GCM_SHA256");
                g.writeStringField("clientProvidedHostHeader", e.tlsHost());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("encoding record " + e.eventId() + " into memory failed", ex);
        }
        return buffer.toByteArray();
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, Object> map) throws IOException {
        g.writeFieldName(name);
        Json.write(g, map);
    }

    /** ISO-8601 UTC to the second, as CloudTrail writes {@code eventTime}; cached because neighbours share seconds. */
    String isoSecond(long millis) {
        long second = Math.floorDiv(millis, 1000L);
        if (second != cachedSecond) {
            cachedSecond = second;
            cachedTime = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(second));
        }
        return cachedTime;
    }
}

package io.trailwatch.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer key of a generated data set, written as {@code ground-truth.json}: every injected scenario (attack or
 * look-alike) with its expected rule, principal, account, event ids and time range, and the maintenance windows
 * the look-alikes rely on.
 */
final class GroundTruth {


    private record Entry(ScenarioPlan.Planned planned, String principal, String accountId, List<String> eventIds,
                         long firstMillis, long lastMillis, String note, String suppressedRuleId, String windowId) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<MaintenanceWindow> windows = new ArrayList<>();

    void add(ScenarioPlan.Planned planned, ScenarioContext ctx) {
        List<String> ids = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (ApiEvent e : ctx.events()) {
            ids.add(e.eventId());
            first = Math.min(first, e.timeMillis());
            last = Math.max(last, e.timeMillis());
        }
        String windowId = null;
        if (ctx.window() != null) {
            windowId = String.format("mw-%04d", windows.size() + 1);
            windows.add(ctx.window().withId(windowId));
        }
        entries.add(new Entry(planned, ctx.principal(), ctx.accountId(), ids, first, last, ctx.note(),
                ctx.suppressedRuleId(), windowId));
    }

    int size() {
        return entries.size();
    }

    void write(Path file, GeneratorOptions options) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("generator");
            g.writeNumberField("events", options.events());
            g.writeNumberField("seed", options.seed());
            g.writeNumberField("accounts", options.accounts());
            g.writeNumberField("regions", options.regions());
            g.writeStringField("start", options.start().toString());
            g.writeEndObject();
            g.writeArrayFieldStart("scenarios");
            for (Entry e : entries) {
                writeEntry(g, e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("maintenanceWindows");
            for (MaintenanceWindow w : windows) {
                g.writeStartObject();
                g.writeStringField("id", w.id());
                g.writeStringField("accountId", w.accountId());
                g.writeStringField("principal", w.principal());
                g.writeStringField("ruleId", w.ruleId());
                g.writeStringField("start", CallShapes.isoSecond(w.fromMillis()));
                g.writeStringField("end", CallShapes.isoSecond(w.toMillis()));
                g.writeStringField("reason", w.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Writes the maintenance windows the look-alikes rely on in the format {@code replay --config} reads. */
    void writeSuppression(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MaintenanceWindow w : windows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("account", w.accountId());
            entry.put("principal", w.principal());
            entry.put("start", CallShapes.isoSecond(w.fromMillis()));
            entry.put("end", CallShapes.isoSecond(w.toMillis()));
            entry.put("ticket", w.id() + ": " + w.reason());
            entry.put("rules", List.of(w.ruleId()));
            out.add(entry);
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), Map.of("maintenanceWindows", out));
    }

    private static void writeEntry(JsonGenerator g, Entry e) throws IOException {
        ScenarioScript script = e.planned().script();
        g.writeStartObject();
        g.writeStringField("id", e.planned().id());
        g.writeStringField("scenario", script.name());
        g.writeStringField("kind", script.attack() ? "attack" : "benign");
        g.writeStringField("ruleId", script.ruleId());
        g.writeStringField("principal", e.principal());
        g.writeStringField("accountId", e.accountId());
        g.writeArrayFieldStart("eventIds");
        for (String id : e.eventIds()) {
            g.writeString(id);
        }
        g.writeEndArray();
        g.writeStringField("firstEventTime", CallShapes.isoSecond(e.firstMillis()));
        g.writeStringField("lastEventTime", CallShapes.isoSecond(e.lastMillis()));
        g.writeStringField("note", e.note());
        if (e.suppressedRuleId() != null) {
            g.writeStringField("suppressedRuleId", e.suppressedRuleId());
            g.writeStringField("maintenanceWindow", e.windowId());
        }
        g.writeEndObject();
    }
}

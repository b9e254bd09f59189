package io.trailwatch.sink.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFormat;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Request bodies for a webhook: {@code json} and {@code ocsf} send one object, or an array when the sink
 * batches; {@code slack} sends one incoming-webhook message ({@code text} plus {@code blocks}) per request,
 * with a section per alert.
 */
final class WebhookPayloads {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String format;
    private final boolean batched;
    private final AlertFormat alertFormat;

    WebhookPayloads(String format, int batchSize) {
        this.format = format;
        this.batched = batchSize > 1;
        this.alertFormat = format.equals("slack") ? null : AlertFormat.named(format);
    }

    byte[] body(List<Alert> alerts) {
        String body;
        if (alertFormat == null) {
            body = slack(alerts);
        } else if (batched) {
            body = alerts.stream().map(alertFormat::render).collect(Collectors.joining(",", "[", "]"));
        } else {
            body = alertFormat.render(alerts.get(0));
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String slack(List<Alert> alerts) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("text", alerts.stream().map(WebhookPayloads::slackLine).collect(Collectors.joining("\n")));
        ArrayNode blocks = root.putArray("blocks");
        for (Alert a : alerts) {
            if (!blocks.isEmpty()) {
                blocks.addObject().put("type", "divider");
            }
            ObjectNode section = blocks.addObject();
            section.put("type", "section");
            ObjectNode text = section.putObject("text");
            text.put("type", "mrkdwn");
            text.put("text", "*" + a.severity() + "* `" + escape(a.ruleId()) + "` " + escape(a.title())
                    + (a.suppressed() ? " _(suppressed: " + escape(a.suppressionReason()) + ")_" : "")
                    + "\n*Principal:* " + escape(a.principal())
                    + "\n*Account:* " + escape(a.accountId())
                    + "\n*Summary:* " + escape(a.summary())
                    + "\n*Alert:* `" + a.alertId() + "`");
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("a tree of strings always serialises", e);
        }
    }

    private static String slackLine(Alert a) {
        return a.severity() + " " + a.ruleId() + " " + a.principal() + " in " + a.accountId() + ": " + a.summary()
                + (a.suppressed() ? " [suppressed]" : "") + " (" + a.alertId() + ")";
    }

    /** Slack's mrkdwn needs only these three escaped; an event value must not become a link or mention. */
    private static String escape(String value) {
        return value == null ? "-" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

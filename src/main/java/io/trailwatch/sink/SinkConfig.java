package io.trailwatch.sink;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.trailwatch.alert.Severity;
import io.trailwatch.sink.file.FileSinkConfig;
import io.trailwatch.sink.stdout.StdoutSinkConfig;
import io.trailwatch.sink.webhook.WebhookSinkConfig;

/**
 * One entry of the {@code sinks:} list of the configuration. {@code type} selects the kind of sink
 * ({@code stdout}, {@code file}, {@code webhook}); every kind has {@code minSeverity} (alerts below it are not
 * sent to that sink; absent means all) and {@code format}, plus fields of its own. Read with
 * {@link io.trailwatch.config.ConfigFiles}, which rejects unknown keys and types with their key path.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StdoutSinkConfig.class, name = "stdout"),
        @JsonSubTypes.Type(value = FileSinkConfig.class, name = "file"),
        @JsonSubTypes.Type(value = WebhookSinkConfig.class, name = "webhook")
})
public interface SinkConfig {

    /** The least severity this sink receives; null for every alert. */
    Severity minSeverity();

    /** The rendering this sink sends ({@code text}, {@code json}, {@code ocsf}; webhooks also {@code slack}). */
    String format();
}

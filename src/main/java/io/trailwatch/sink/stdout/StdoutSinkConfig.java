package io.trailwatch.sink.stdout;

import io.trailwatch.alert.AlertFormat;
import io.trailwatch.alert.Severity;
import io.trailwatch.sink.SinkConfig;

/**
 * {@code type: stdout}: alerts on standard output.
 *
 * @param minSeverity least severity printed; null for all
 * @param format      {@code text} (default), {@code json} or {@code ocsf}
 */
public record StdoutSinkConfig(Severity minSeverity, String format) implements SinkConfig {

    public StdoutSinkConfig {
        format = format == null ? "text" : format;
        AlertFormat.named(format);
    }
}

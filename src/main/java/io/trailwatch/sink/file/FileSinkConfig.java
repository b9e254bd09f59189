package io.trailwatch.sink.file;

import io.trailwatch.alert.AlertFormat;
import io.trailwatch.alert.Severity;
import io.trailwatch.sink.SinkConfig;

/**
 * {@code type: file}: alerts appended to a file, one per line.
 *
 * @param minSeverity least severity written; null for all
 * @param format      {@code json} (default), {@code ocsf} or {@code text}
 * @param path        the file; parent directories are created; required
 */
public record FileSinkConfig(Severity minSeverity, String format, String path) implements SinkConfig {

    public FileSinkConfig {
        format = format == null ? "json" : format;
        AlertFormat.named(format);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("missing key 'path' (the file alerts are appended to, e.g. /var/log/trailwatch/alerts.jsonl)");
        }
    }
}

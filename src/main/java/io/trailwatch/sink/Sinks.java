package io.trailwatch.sink;

import io.trailwatch.alert.AlertFormat;
import io.trailwatch.config.ConfigException;
import io.trailwatch.sink.file.FileSinkConfig;
import io.trailwatch.sink.file.JsonLinesFileSink;
import io.trailwatch.sink.stdout.StdoutSink;
import io.trailwatch.sink.stdout.StdoutSinkConfig;
import io.trailwatch.sink.webhook.WebhookSink;
import io.trailwatch.sink.webhook.WebhookSinkConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the configured sinks. */
public final class Sinks {

    private Sinks() {}

    /**
     * One sink per configuration entry, in order, each wrapped in a {@link FilteringSink} when it has a
     * {@code minSeverity}. Webhook spools live in {@code stateDir/webhook/<name>}; two webhooks with the
     * same name are an error since they would share a spool. The caller owns the sinks and closes them;
     * wrapping them in {@link QueuedSink}s is the caller's choice.
     *
     * @throws ConfigException when a sink cannot be built from its settings (unset environment variable,
     *                         forbidden header, duplicate webhook name, a file that cannot be appended to);
     *                         already built sinks are closed
     * @throws IOException     when a spool directory cannot be created or read
     */
    public static List<AlertSink> create(List<? extends SinkConfig> configs, Path stateDir) throws ConfigException, IOException {
        List<AlertSink> sinks = new ArrayList<>();
        Set<String> webhookNames = new HashSet<>();
        try {
            for (int i = 0; i < configs.size(); i++) {
                SinkConfig config = configs.get(i);
                AlertSink sink = build(config, stateDir, webhookNames, i);
                sinks.add(config.minSeverity() == null ? sink : new FilteringSink(sink, config.minSeverity()));
            }
            return List.copyOf(sinks);
        } catch (ConfigException | IOException | RuntimeException e) {
            closeAfterFailure(sinks, e);
            throw e;
        }
    }

    private static AlertSink build(SinkConfig config, Path stateDir, Set<String> webhookNames, int index)
            throws ConfigException, IOException {
        if (config instanceof StdoutSinkConfig c) {
            return new StdoutSink(AlertFormat.named(c.format()), System.out);
        }
        if (config instanceof FileSinkConfig c) {
            try {
                // opened now, so that 'run --check' and the start fail on a path the daemon cannot write
                return JsonLinesFileSink.resuming(Path.of(c.path()), AlertFormat.named(c.format())).openNow();
            } catch (IOException e) {
                throw new ConfigException("sinks[" + index + "]: " + e.getMessage()
                        + " (give the file sink a path the daemon's user can write)", e);
            }
        }
        if (config instanceof WebhookSinkConfig c) {
            if (!webhookNames.add(c.name())) {
                throw new ConfigException("sinks[" + index + "]: a second webhook named '" + c.name()
                        + "' would share its spool (give each webhook sink its own 'name')");
            }
            try {
                return new WebhookSink(c, stateDir.resolve("webhook").resolve(c.name()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("sinks[" + index + "]: " + e.getMessage(), e);
            }
        }
        throw new ConfigException("sinks[" + index + "]: unsupported sink configuration " + config.getClass().getSimpleName()
                + " (use type stdout, file or webhook)");
    }

    private static void closeAfterFailure(List<AlertSink> sinks, Exception failure) {
        for (AlertSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}

package io.trailwatch.pipeline;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.JsonAlertFormat;
import io.trailwatch.sink.AlertSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps delivered alerts, rendered as the JSON lines replay --format json would write. */
final class CollectingSink implements AlertSink {

    private final JsonAlertFormat format = new JsonAlertFormat();
    final List<Alert> alerts = new ArrayList<>();

    @Override
    public String name() {
        return "collect";
    }

    @Override
    public void deliver(Alert alert) {
        alerts.add(alert);
    }

    String jsonLines() {
        StringBuilder sb = new StringBuilder();
        alerts.forEach(a -> sb.append(format.render(a)).append('\n'));
        return sb.toString();
    }
}

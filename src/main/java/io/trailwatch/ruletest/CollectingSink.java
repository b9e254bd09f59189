package io.trailwatch.ruletest;

import io.trailwatch.alert.Alert;
import io.trailwatch.sink.AlertSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps the alerts of one fixture case in memory, in delivery order. */
final class CollectingSink implements AlertSink {

    private final List<Alert> alerts = new ArrayList<>();

    @Override
    public String name() {
        return "fixture-case";
    }

    @Override
    public void deliver(Alert alert) {
        alerts.add(alert);
    }

    List<Alert> alerts() {
        return List.copyOf(alerts);
    }
}

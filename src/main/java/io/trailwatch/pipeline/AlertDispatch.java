package io.trailwatch.pipeline;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFactory;
import io.trailwatch.alert.Detection;
import io.trailwatch.alert.Suppression;
import io.trailwatch.alert.Suppressor;
import io.trailwatch.sink.AlertSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one stage after the engine: judges each detection against suppression, turns it into an alert and
 * hands it to every sink. Suppressed alerts are delivered too, marked, so an auditor sees them.
 */
public final class AlertDispatch implements Consumer<Detection> {

    private final Suppressor suppressor;
    private final AlertFactory factory = new AlertFactory();
    private final List<AlertSink> sinks;
    private final Predicate<Alert> gate;

    /**
     * @param gate sees every alert before the sinks and says whether to deliver it (the daemon drops alerts
     *             already delivered before a restart); it is also where alerts are counted
     */
    public AlertDispatch(Suppressor suppressor, List<AlertSink> sinks, Predicate<Alert> gate) {
        this.suppressor = suppressor;
        this.sinks = List.copyOf(sinks);
        this.gate = gate;
    }

    /**
     * @throws UncheckedIOException when a sink does not take the alert
     */
    @Override
    public void accept(Detection detection) {
        Suppression verdict = suppressor.judge(detection);
        Alert alert = factory.create(detection, verdict);
        if (!gate.test(alert)) {
            return;
        }
        for (AlertSink sink : sinks) {
            try {
                sink.deliver(alert);
            } catch (IOException e) {
                throw new UncheckedIOException("sink " + sink.name() + " could not take alert " + alert.alertId() + ": "
                        + e.getMessage(), e);
            }
        }
    }
}

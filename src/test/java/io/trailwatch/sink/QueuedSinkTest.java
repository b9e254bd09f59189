package io.trailwatch.sink;

import static io.trailwatch.alert.TestData.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.Severity;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueuedSinkTest {

    /** Records alerts; blocks each delivery until released; fails alerts whose rule id is listed. */
    private static final class RecordingSink implements AlertSink {
        final List<Alert> delivered = new CopyOnWriteArrayList<>();
        final CountDownLatch release;
        final String failRule;

        RecordingSink(CountDownLatch release, String failRule) {
            this.release = release;
            this.failRule = failRule;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void deliver(Alert alert) throws IOException {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (alert.ruleId().equals(failRule)) {
                throw new IOException("endpoint down");
            }
            delivered.add(alert);
        }
    }

    @Test
    void flushWaitsForEveryQueuedAlertInOrder() throws Exception {
        RecordingSink target = new RecordingSink(new CountDownLatch(0), null);
        QueuedSink sink = new QueuedSink(target, 10, Duration.ofSeconds(1));

        for (int i = 1; i <= 5; i++) {
            sink.deliver(alert(i));
        }
        sink.flush();

        assertEquals(List.of(alert(1), alert(2), alert(3), alert(4), alert(5)), target.delivered);
        sink.close();
    }

    @Test
    void fullQueueBlocksThenFails() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        QueuedSink sink = new QueuedSink(new RecordingSink(release, null), 1, Duration.ofMillis(500));
        sink.deliver(alert(1));
        sink.deliver(alert(2));

        IOException e = assertThrows(IOException.class, () -> sink.deliver(alert(3)));

        assertTrue(e.getMessage().contains("stayed full (1 alerts)"), e.getMessage());
        release.countDown();
        sink.close();
    }

    @Test
    void flushReportsDeliveriesThatFailed() throws Exception {
        QueuedSink sink = new QueuedSink(new RecordingSink(new CountDownLatch(0), "rule-2"), 10, Duration.ofSeconds(1));
        sink.deliver(alert(1));
        sink.deliver(alert(2));

        IOException e = assertThrows(IOException.class, sink::flush);

        assertTrue(e.getMessage().contains(alert(2).alertId()), e.getMessage());
        sink.flush();
        sink.close();
    }

    @Test
    void aWorkerKilledByAnErrorFailsTheFlushInsteadOfPassingIt() throws Exception {
        AlertSink broken = new AlertSink() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void deliver(Alert alert) {
                throw new StackOverflowError("a format recursed");
            }
        };
        QueuedSink sink = new QueuedSink(broken, 10, Duration.ofSeconds(1));
        sink.deliver(alert(1));
        sink.deliver(alert(2));

        IOException e = assertThrows(IOException.class, sink::flush);

        assertTrue(e.getMessage().startsWith("sink broken stopped working with "), e.getMessage());
        assertThrows(IOException.class, sink::close, "closing flushes, and the alerts are still not delivered");
    }

    @Test
    void filteringSinkPassesOnlyAlertsAtOrAboveTheMinimum() throws Exception {
        RecordingSink target = new RecordingSink(new CountDownLatch(0), null);
        FilteringSink sink = new FilteringSink(target, Severity.CRITICAL);

        sink.deliver(alert(1));

        assertEquals(List.of(), target.delivered);
        assertEquals(1, sink.filteredCount());
        new FilteringSink(target, Severity.HIGH).deliver(alert(1));
        assertEquals(List.of(alert(1)), target.delivered);
    }
}

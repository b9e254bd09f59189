package io.trailwatch.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.trailwatch.source.DeliveryTreeSource;
import io.trailwatch.source.LiveSource;
import io.trailwatch.source.StdinSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonMetricsTest {

    private static final String DAY = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/0";

    @TempDir
    Path tree;

    @Test
    void deliveryFilesIgnoredBelowTheWatermarkAreCountedPerTree() throws IOException {
        DeliveryTreeSource source = new DeliveryTreeSource(tree, Duration.ZERO, 1024, Duration.ofHours(24));
        DaemonMetrics metrics = new DaemonMetrics();
        metrics.watchSources(List.<LiveSource>of(source, new StdinSource(new ByteArrayInputStream(new byte[0]))));
        settled(DAY + "5/111122223333_CloudTrail_us-east-1_20240105T0000Z_new.json.gz");
        source.poll(unit -> { });
        source.poll(unit -> { });

        settled(DAY + "3/111122223333_CloudTrail_us-east-1_20240103T0000Z_late.json.gz");
        source.poll(unit -> { });
        source.poll(unit -> { });

        CounterSnapshot ignored = (CounterSnapshot) scraped(metrics, "trailwatch_delivery_files_ignored");
        assertEquals(1, ignored.getDataPoints().size(), "one figure per delivery tree");
        assertEquals(source.id(), ignored.getDataPoints().get(0).getLabels().get("source"));
        assertEquals(1.0, ignored.getDataPoints().get(0).getValue());
    }

    private static MetricSnapshot scraped(DaemonMetrics metrics, String name) {
        for (MetricSnapshot snapshot : metrics.registry.scrape()) {
            if (snapshot.getMetadata().getName().equals(name)) {
                return snapshot;
            }
        }
        throw new AssertionError("no metric " + name);
    }

    private void settled(String relative) throws IOException {
        Path file = tree.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }
}

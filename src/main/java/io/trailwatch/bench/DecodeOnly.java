package io.trailwatch.bench;

import io.trailwatch.cloudtrail.CloudTrailDecoder;
import io.trailwatch.cloudtrail.CloudTrailEvent;
import io.trailwatch.cloudtrail.DecodeListener;
import io.trailwatch.source.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decoding alone: the real {@link CloudTrailDecoder} on as many threads as replay uses, each taking the next
 * file, into a listener that only counts. Measures what decoding costs without ordering or rules.
 */
final class DecodeOnly {

    private final CloudTrailDecoder decoder = new CloudTrailDecoder();
    private final int threads;

    DecodeOnly(int threads) {
        this.threads = threads;
    }

    /**
     * Decodes every file; returns the number of events decoded.
     *
     * @throws IllegalStateException when a file holds a bad record or is not a CloudTrail log: the measure
     *                               would not be of the data set the other measures use
     */
    long decode(List<Path> files) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    Counter counter = new Counter();
                    for (int f = next.getAndIncrement(); f < files.size(); f = next.getAndIncrement()) {
                        decodeOne(files.get(f), counter);
                    }
                    events.addAndGet(counter.events);
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("decoding failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return events.get();
    }

    private void decodeOne(Path file, Counter counter) {
        try {
            decoder.decode(file, counter);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static final class Counter implements DecodeListener {
        long events;

        @Override
        public void onEvent(CloudTrailEvent event, Origin origin) {
            events++;
        }

        @Override
        public void onBadRecord(Origin origin, String reason, String excerpt) {
            throw new IllegalStateException("the benchmark input has a bad record at " + origin + ": " + reason
                    + " (use a data set made by trailwatch generate)");
        }

        @Override
        public void onSkippedFile(String file, String reason) {
            throw new IllegalStateException("the benchmark input " + file + " is not a CloudTrail log: " + reason);
        }
    }
}

package io.trailwatch.pipeline;

import io.trailwatch.cloudtrail.CloudTrailDecoder;
import io.trailwatch.cloudtrail.CloudTrailEvent;
import io.trailwatch.cloudtrail.DecodeListener;
import io.trailwatch.source.Origin;
import io.trailwatch.source.ReplayInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Decodes inputs on several threads and hands what they yield to one consumer in input order, so the
 * result never depends on thread timing. Each input in flight has its own bounded queue of batches and
 * at most {@code 2 × threads} inputs are in flight: memory is bounded whatever the input size.
 */
final class ParallelDecoder {

    private static final int BATCH = 512;
    private static final int BATCHES_PER_INPUT = 8;
    private static final List<DecodedItem> END = List.of();

    private final CloudTrailDecoder decoder;
    private final int threads;

    ParallelDecoder(CloudTrailDecoder decoder, int threads) {
        this.decoder = decoder;
        this.threads = Math.max(1, threads);
    }

    /** Decodes every input and calls {@code consumer} for each item, in input order, on the calling thread. */
    void decode(List<ReplayInput> inputs, Consumer<DecodedItem> consumer) throws InterruptedException {
        if (threads == 1) {
            for (ReplayInput input : inputs) {
                decodeOne(input, batch -> batch.forEach(consumer));
            }
            return;
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "decode-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<BlockingQueue<List<DecodedItem>>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < inputs.size() || !inFlight.isEmpty()) {
                while (next < inputs.size() && inFlight.size() < 2 * threads) {
                    ReplayInput input = inputs.get(next++);
                    BlockingQueue<List<DecodedItem>> queue = new ArrayBlockingQueue<>(BATCHES_PER_INPUT);
                    pool.execute(() -> decodeInto(input, queue));
                    inFlight.add(queue);
                }
                BlockingQueue<List<DecodedItem>> head = inFlight.poll();
                for (List<DecodedItem> batch = head.take(); batch != END; batch = head.take()) {
                    batch.forEach(consumer);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void decodeInto(ReplayInput input, BlockingQueue<List<DecodedItem>> queue) {
        try {
            decodeOne(input, batch -> put(queue, batch));
        } finally {
            put(queue, END);
        }
    }

    private static void put(BlockingQueue<List<DecodedItem>> queue, List<DecodedItem> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("decoding interrupted", e);
        }
    }

    private void decodeOne(ReplayInput input, Consumer<List<DecodedItem>> out) {
        Batcher batcher = new Batcher(out);
        try (InputStream in = input.open()) {
            decoder.decode(in, input.name(), batcher);
        } catch (IOException e) {
            batcher.add(new DecodedItem.Unreadable(input.name(), "read failed: " + e.getMessage()));
        } catch (RuntimeException e) {
            // A decoder bug must not take the run down with it: the input is reported, the run goes on.
            batcher.add(new DecodedItem.Unreadable(input.name(), "decoder failed: " + e));
        }
        batcher.flush();
    }

    /** Collects a decoder's callbacks into batches so queues carry few, large items. */
    private static final class Batcher implements DecodeListener {
        private final Consumer<List<DecodedItem>> out;
        private List<DecodedItem> batch = new ArrayList<>(BATCH);

        Batcher(Consumer<List<DecodedItem>> out) {
            this.out = out;
        }

        @Override
        public void onEvent(CloudTrailEvent event, Origin origin) {
            add(new DecodedItem.Event(event, origin));
        }

        @Override
        public void onBadRecord(Origin origin, String reason, String excerpt) {
            add(new DecodedItem.Bad(origin, reason, excerpt));
        }

        @Override
        public void onSkippedFile(String file, String reason) {
            add(new DecodedItem.Skipped(file, reason));
        }

        void add(DecodedItem item) {
            batch.add(item);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                out.accept(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
    }
}

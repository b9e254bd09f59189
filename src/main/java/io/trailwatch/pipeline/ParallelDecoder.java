package io.trailwatch.pipeline;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import io.trailwatch.cloudtrail.DatedBeforeDelivery;
import io.trailwatch.cloudtrail.DecodeListener;
import io.trailwatch.config.FileProblems;
import io.trailwatch.source.DeliveryFileNames;
import io.trailwatch.source.Origin;
import io.trailwatch.source.ReplayInput;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Decodes inputs on several threads and hands what they yield to one consumer in input order, so the
 * result never depends on thread timing. Each input in flight has its own bounded queue of batches and
 * at most {@code 2 × threads} inputs are in flight: memory is bounded whatever the input size.
 *
 * <p>A decoder's exception makes its input unreadable and the run goes on. An {@link Error} (the heap is
 * full, a stack overflowed) is rethrown on the consuming thread once that input's earlier items are
 * consumed: the run stops rather than carry on without the rest of the input.
 */
final class ParallelDecoder {

    /** Decodes one input into a listener: {@code CloudTrailDecoder::decode}. */
    @FunctionalInterface
    interface InputDecoder {
        void decode(InputStream in, String name, DecodeListener listener) throws IOException;
    }

    private static final int BATCH = 512;
    private static final int BATCHES_PER_INPUT = 8;
    private static final List<DecodedItem> END = List.of();
    /** How often a consumer waiting for a batch checks that the worker is still at it. */
    private static final long WORKER_CHECK_MILLIS = 100;

    private final InputDecoder decoder;
    private final int threads;

    ParallelDecoder(InputDecoder decoder, int threads) {
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
            Deque<InFlight> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < inputs.size() || !inFlight.isEmpty()) {
                while (next < inputs.size() && inFlight.size() < 2 * threads) {
                    InFlight input = new InFlight(inputs.get(next++));
                    input.task = pool.submit(() -> decodeInto(input));
                    inFlight.add(input);
                }
                InFlight head = inFlight.poll();
                for (List<DecodedItem> batch = head.next(); batch != END; batch = head.next()) {
                    batch.forEach(consumer);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One input being decoded by a worker: its batches, then {@code END}. */
    private static final class InFlight {
        final ReplayInput input;
        final BlockingQueue<List<DecodedItem>> queue = new ArrayBlockingQueue<>(BATCHES_PER_INPUT);
        /** Set by the consuming thread right after submitting, before it reads it. */
        Future<?> task;

        InFlight(ReplayInput input) {
            this.input = input;
        }

        /**
         * The next batch. A worker that ended without {@code END} (an Error, even one thrown while it was
         * handing over a batch) has its throwable rethrown here, once the batches it did hand over are taken.
         */
        List<DecodedItem> next() throws InterruptedException {
            while (true) {
                List<DecodedItem> batch = queue.poll(WORKER_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    return batch;
                }
                // END is put before the task completes: done with an empty queue means it never came.
                if (task.isDone() && queue.isEmpty()) {
                    throw whatEnded(task);
                }
            }
        }

        private static RuntimeException whatEnded(Future<?> task) throws InterruptedException {
            try {
                task.get();
                return new IllegalStateException("a decode worker ended without finishing its input");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    private void decodeInto(InFlight work) {
        try {
            decodeOne(work.input, batch -> put(work.queue, batch));
            put(work.queue, END);
        } catch (Abandoned e) {
            // the consuming thread stopped (it failed or was interrupted): nobody waits for this input
        }
    }

    private static void put(BlockingQueue<List<DecodedItem>> queue, List<DecodedItem> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned();
        }
    }

    /** Ends a worker whose consumer has gone; carries no stack trace, it is never shown. */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("the consuming thread stopped", null, false, false);
        }
    }

    private void decodeOne(ReplayInput input, Consumer<List<DecodedItem>> out) {
        Batcher batcher = new Batcher(out);
        Instant delivered = DeliveryFileNames.deliveredAt(input.name());
        DecodeListener listener = delivered == null ? batcher
                : new DatedBeforeDelivery(batcher, delivered, "the delivery time in the file name", "");
        try (InputStream in = input.open()) {
            decoder.decode(in, input.name(), listener);
        } catch (IOException e) {
            batcher.add(new DecodedItem.Unreadable(input.name(), "read failed: " + FileProblems.reason(e)));
        } catch (Abandoned e) {
            throw e;
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

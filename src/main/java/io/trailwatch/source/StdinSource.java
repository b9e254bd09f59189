package io.trailwatch.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * JSON lines arriving on a stream, normally standard input. A background thread reads lines into a
 * bounded queue of {@value #QUEUE_LINES} lines (a slow consumer blocks the reader, the heap does not
 * grow); {@link #poll} hands out what has arrived, up to {@value #MAX_LINES_PER_UNIT} lines per unit. The
 * reader starts when the source is constructed.
 *
 * <p>A line is handed out once its {@code \n} arrives; at end of input a last line without one is handed
 * out too, with a newline added. A line longer than {@value #MAX_LINE_BYTES} bytes is skipped with a
 * warning naming its number. A read error is logged and treated as end of input. {@link #endOfInput()}
 * turns true once the end of input has been reached and every line handed out.
 *
 * <p><b>Checkpoint.</b> {@code {"source": "stdin", "line": n}}, the number of lines handed out. A stream
 * cannot be rewound, so this is for progress reporting only: after a restart the new process reads
 * whatever its standard input gives it, and {@link #restore} only checks the checkpoint's shape.
 */
public final class StdinSource implements LiveSource {

    static final int QUEUE_LINES = 4096;
    static final int MAX_LINES_PER_UNIT = 1000;
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;
    static final int MAX_UNITS_PER_POLL = 8;

    private static final Logger LOG = LogManager.getLogger(StdinSource.class);
    private static final String ID = "stdin";
    private static final String ORIGIN = "-";
    private static final Line END = new Line(-1, new byte[0]);

    private final BlockingQueue<Line> queue = new ArrayBlockingQueue<>(QUEUE_LINES);
    private final Thread reader;
    private volatile boolean closed;
    private InputUnit rejected;
    private long linesHandedOut;
    private boolean ended;

    /** Starts reading {@code in} on a daemon thread. The caller keeps ownership of the stream. */
    public StdinSource(InputStream in) {
        reader = new Thread(() -> readLines(in), "trailwatch-stdin-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public String id() {
        return ID;
    }

    /** True once the input has ended and every line has been handed out. */
    public boolean endOfInput() {
        return ended && rejected == null;
    }

    @Override
    public int poll(InputConsumer consumer) throws IOException {
        int handed = 0;
        if (rejected != null) {
            InputUnit unit = rejected;
            consumer.accept(unit);
            rejected = null;
            handed++;
        }
        while (handed < MAX_UNITS_PER_POLL) {
            Line first = queue.peek();
            if (first == null) {
                break;
            }
            if (first == END) {
                queue.poll();
                ended = true;
                break;
            }
            InputUnit unit = nextUnit(first.number());
            try {
                consumer.accept(unit);
            } catch (IOException | RuntimeException e) {
                rejected = unit;
                throw e;
            }
            handed++;
        }
        return handed;
    }

    /** Takes consecutive lines from the queue, stopping at a gap left by a skipped line. */
    private InputUnit nextUnit(long firstNumber) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        long next = firstNumber;
        for (int count = 0; count < MAX_LINES_PER_UNIT; count++) {
            Line line = queue.peek();
            if (line == null || line == END || line.number() != next) {
                break;
            }
            queue.poll();
            content.writeBytes(line.bytes());
            next++;
        }
        linesHandedOut = next - 1;
        return new InputUnit(ORIGIN, firstNumber, content.toByteArray(), checkpoint());
    }

    @Override
    public ObjectNode checkpoint() {
        return Checkpoints.forSource(ID).put("line", linesHandedOut);
    }

    /** Checks the checkpoint's shape only: standard input cannot be rewound or skipped. */
    @Override
    public void restore(ObjectNode checkpoint) {
        Checkpoints.requireSource(checkpoint, ID);
        Checkpoints.requireNonNegativeLong(checkpoint, "line", ID);
    }

    /**
     * Stops handing lines to the queue. A reader blocked in {@code read} on a stream that cannot be
     * interrupted (standard input) stays blocked; it is a daemon thread and does not keep the JVM alive.
     */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }

    private void readLines(InputStream in) {
        LineAssembler lines = new LineAssembler();
        byte[] buffer = new byte[64 * 1024];
        try {
            int read;
            while (!closed && (read = in.read(buffer)) >= 0) {
                lines.add(buffer, read);
            }
            lines.finish();
        } catch (IOException e) {
            LOG.error("Reading standard input failed after line {} ({}); treating it as the end of input",
                    lines.lineNumber, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Splits chunks into numbered lines; runs on the reader thread. */
    private final class LineAssembler {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long lineNumber;
        private boolean skipping;

        void add(byte[] chunk, int length) throws InterruptedException {
            int start = 0;
            for (int i = 0; i < length; i++) {
                if (chunk[i] == '\n') {
                    append(chunk, start, i + 1 - start);
                    complete();
                    start = i + 1;
                }
            }
            append(chunk, start, length - start);
        }

        void finish() throws InterruptedException {
            if (line.size() > 0 || skipping) {
                line.write('\n');
                complete();
            }
        }

        private void append(byte[] chunk, int offset, int length) {
            if (skipping || length == 0) {
                return;
            }
            if (line.size() + length > MAX_LINE_BYTES) {
                LOG.warn("Line {} of standard input is longer than the limit of {} bytes; skipped it",
                        lineNumber + 1, MAX_LINE_BYTES);
                skipping = true;
                line.reset();
                return;
            }
            line.write(chunk, offset, length);
        }

        private void complete() throws InterruptedException {
            lineNumber++;
            if (!skipping) {
                queue.put(new Line(lineNumber, line.toByteArray()));
            }
            line.reset();
            skipping = false;
        }
    }

    private record Line(long number, byte[] bytes) {
    }
}

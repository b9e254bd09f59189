package io.trailwatch.sink.file;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFormat;
import io.trailwatch.config.FileProblems;
import io.trailwatch.sink.AlertSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one rendered line per alert to a file (JSON lines by default), creating parent directories.
 * Each alert is written to the file as it comes; {@link #flush} forces it to disk ({@code FileChannel.force}),
 * so what a checkpoint follows survives a power loss. The file is opened at the first alert (or
 * {@link #openNow}) and kept open. A process
 * killed mid-write can leave a torn last line; the next open ends it with a newline so the alerts that
 * follow (the torn one among them, re-delivered after the restart) stay one per line. A path that is not
 * a regular file ({@code /dev/null}, a named pipe) is written without either step.
 *
 * <p>Made {@link #resuming} (the daemon's file sink), it does not write an alert whose {@code alertId}
 * already stands in the file's last {@value #RESUME_TAIL_BYTES} bytes: after a {@code kill -9}, the daemon
 * delivers again the alerts raised since its last commit, and those this file already took would be
 * duplicates. Every format carries the alert id, so the check needs no parsing. A replay appending to a
 * file (not resuming) writes every alert it raises.
 */
public final class JsonLinesFileSink implements AlertSink {

    static final int RESUME_TAIL_BYTES = 256 * 1024;

    private final Path file;
    private final AlertFormat format;
    private final boolean resuming;
    private FileChannel channel;
    private boolean regularFile;
    /** The end of the file as found on opening, when resuming: alerts already delivered before a crash. */
    private String deliveredTail = "";

    public JsonLinesFileSink(Path file, AlertFormat format) {
        this(file, format, false);
    }

    private JsonLinesFileSink(Path file, AlertFormat format, boolean resuming) {
        this.file = file;
        this.format = format;
        this.resuming = resuming;
    }

    /** A sink that skips alerts the end of the file already holds (see the class comment). */
    public static JsonLinesFileSink resuming(Path file, AlertFormat format) {
        return new JsonLinesFileSink(file, format, true);
    }

    @Override
    public String name() {
        return "file:" + file;
    }

    /**
     * Opens the file now (creating it and its directories) instead of at the first alert, so that a path
     * that cannot be written fails before a long run rather than at its first alert, or never when it raises
     * none.
     *
     * @return this sink
     * @throws IOException whose message names the path and why it cannot be opened for appending
     */
    public JsonLinesFileSink openNow() throws IOException {
        try {
            open();
        } catch (IOException e) {
            throw new IOException("cannot append to " + file + ": " + FileProblems.reason(e), e);
        }
        return this;
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        FileChannel ch = open();
        if (!deliveredTail.isEmpty() && deliveredTail.contains(alert.alertId())) {
            return;
        }
        ByteBuffer line = ByteBuffer.wrap((format.render(alert) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            ch.write(line);
        }
    }

    @Override
    public void flush() throws IOException {
        if (channel != null && regularFile) {
            channel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            try {
                flush();
            } finally {
                channel.close();
                channel = null;
            }
        }
    }

    private FileChannel open() throws IOException {
        if (channel == null) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            regularFile = !Files.exists(file) || Files.isRegularFile(file);
            String end = regularFile && Files.exists(file) ? lastBytes(file, resuming ? RESUME_TAIL_BYTES : 1) : "";
            boolean torn = !end.isEmpty() && end.charAt(end.length() - 1) != '\n';
            if (resuming) {
                deliveredTail = end;
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (torn) {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        }
        return channel;
    }

    /** Up to the last {@code max} bytes of {@code file}, one char per byte (alert ids and newlines are ASCII). */
    private static String lastBytes(Path file, int max) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, max));
            long at = size - tail.capacity();
            while (tail.hasRemaining()) {
                if (ch.read(tail, at + tail.position()) < 0) {
                    break;
                }
            }
            return new String(tail.array(), 0, tail.position(), StandardCharsets.ISO_8859_1);
        }
    }
}

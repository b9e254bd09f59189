package io.trailwatch.sink.file;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFormat;
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
 * so what a checkpoint follows survives a power loss. The file is opened lazily and kept open. A process
 * killed mid-write can leave a torn last line; the next open ends it with a newline so the alerts that
 * follow (the torn one among them, re-delivered after the restart) stay one per line. A path that is not
 * a regular file ({@code /dev/null}, a named pipe) is written without either step.
 */
public final class JsonLinesFileSink implements AlertSink {

    private final Path file;
    private final AlertFormat format;
    private FileChannel channel;
    private boolean regularFile;

    public JsonLinesFileSink(Path file, AlertFormat format) {
        this.file = file;
        this.format = format;
    }

    @Override
    public String name() {
        return "file:" + file;
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((format.render(alert) + "\n").getBytes(StandardCharsets.UTF_8));
        FileChannel ch = open();
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
            boolean torn = regularFile && endsWithTornLine(file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (torn) {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        }
        return channel;
    }

    private static boolean endsWithTornLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }
}

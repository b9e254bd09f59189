package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.trailwatch.config.FileProblems;
import io.trailwatch.source.Origin;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends bad records to a file as JSON lines {@code {"file","line","offset","reason","excerpt"}} (line and
 * offset are left out when unknown, excerpt is null when the raw text is gone) and counts them. Thread-safe; each line is flushed as it
 * is written, so the file is complete even if the process dies.
 */
public final class DeadLetterFile implements Closeable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path path;
    private final OutputStream out;
    private long count;

    /**
     * Opens {@code path} for appending, creating it and its parent directories.
     *
     * @throws UncheckedIOException naming the path when it cannot be opened
     */
    public DeadLetterFile(Path path) {
        this.path = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the dead-letter file " + path
                    + " for appending: " + FileProblems.reason(e) + "; check the dead-letter path setting", e);
        }
    }

    /**
     * Appends one bad record.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public synchronized void write(Origin origin, String reason, String excerpt) {
        try {
            JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("file", origin.file());
            if (origin.line() >= 0) {
                g.writeNumberField("line", origin.line());
            }
            if (origin.offset() >= 0) {
                g.writeNumberField("offset", origin.offset());
            }
            g.writeStringField("reason", reason);
            g.writeStringField("excerpt", excerpt);
            g.writeEndObject();
            g.close();
            out.write('\n');
            out.flush();
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the dead-letter file " + path + ": " + FileProblems.reason(e), e);
        }
    }

    /** Bad records written since this file was opened. */
    public synchronized long count() {
        return count;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}

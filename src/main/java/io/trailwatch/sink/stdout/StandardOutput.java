package io.trailwatch.sink.stdout;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * A {@code PrintStream} that remembers why writing failed. {@code PrintStream} swallows its target's
 * {@code IOException} and keeps only an error flag, which cannot tell a reader that closed the pipe
 * ({@code trailwatch replay | head}) from a full disk behind a redirect; {@link StdoutSink} needs that
 * difference to stop quietly in the first case and loudly in the second.
 */
public final class StandardOutput extends PrintStream {

    private final Recorder recorder;

    /** The process's standard output, buffered and flushed at every line like {@code System.out}. */
    public static StandardOutput ofProcess() {
        return new StandardOutput(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 8192),
                Charset.defaultCharset());
    }

    public StandardOutput(OutputStream target, Charset charset) {
        this(new Recorder(target), charset);
    }

    private StandardOutput(Recorder recorder, Charset charset) {
        super(recorder, true, charset);
        this.recorder = recorder;
    }

    /** The first exception writing threw, or {@code null}. */
    public IOException failure() {
        return recorder.failure;
    }

    /**
     * Whether writing failed because the reader at the other end of the pipe is gone (EPIPE: "Broken pipe"
     * on Linux and macOS, "The pipe is being closed" or "has been ended" on Windows).
     */
    public boolean readerGone() {
        IOException failure = recorder.failure;
        String message = failure == null || failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("broken pipe") || message.contains("pipe is being closed")
                || message.contains("pipe has been ended");
    }

    private static final class Recorder extends FilterOutputStream {
        private volatile IOException failure;

        Recorder(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw noted(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw noted(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw noted(e);
            }
        }

        private IOException noted(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}

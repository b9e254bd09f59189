package io.trailwatch.cloudtrail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Marks a failure of the underlying stream itself, as opposed to bad content (broken JSON, truncated
 * gzip) found by the layers above it: the decoder reports content problems as bad records but rethrows
 * a read failure.
 */
final class SourceReadException extends IOException {

    SourceReadException(IOException cause) {
        super(cause.getMessage(), cause);
    }

    /** The original exception. */
    IOException original() {
        return (IOException) getCause();
    }

    /** Wraps a stream so that its own failures surface as {@link SourceReadException}. */
    static InputStream marking(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw new SourceReadException(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw new SourceReadException(e);
                }
            }
        };
    }
}

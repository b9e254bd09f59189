package io.trailwatch.cloudtrail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The decoded input as UTF-8. UTF-16 text (with a byte-order mark, as Windows PowerShell's {@code >} writes
 * it, or without, recognised by the zero byte of its first ASCII character) is transcoded; anything else
 * passes through unchanged, UTF-8 and UTF-32 included (the parser reads those itself). The parser could read
 * UTF-16 too, but resynchronising after a broken record looks for a {@code '{'} after a {@code '\n'} byte and
 * quotes excerpts as UTF-8, so in UTF-16 one bad record cost the records after it and was quoted as mojibake.
 * Offsets of a transcoded input count UTF-8 bytes. An unpaired surrogate becomes U+FFFD.
 *
 * <p>The encoding is recognised on the first read, so a read failure there reaches the decoder like any other.
 */
final class Utf8Input extends InputStream {

    private static final int HEAD = 4;
    private static final int CHARS = 4096;

    private final InputStream in;
    private final byte[] single = new byte[1];
    private InputStream source;

    Utf8Input(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (source == null) {
            source = recognise();
        }
        return source.read(b, off, len);
    }

    private InputStream recognise() throws IOException {
        byte[] head = in.readNBytes(HEAD);
        int n = head.length;
        int b0 = n > 0 ? head[0] & 0xff : -1;
        int b1 = n > 1 ? head[1] & 0xff : -1;
        boolean utf32 = n == HEAD && (head[2] == 0 && head[3] == 0 || b0 == 0 && b1 == 0);
        if (b0 == 0xfe && b1 == 0xff) {
            return transcoded(head, 2, StandardCharsets.UTF_16BE);
        }
        if (b0 == 0xff && b1 == 0xfe && !utf32) {
            return transcoded(head, 2, StandardCharsets.UTF_16LE);
        }
        if (b0 == 0 && b1 > 0 && !utf32) {
            return transcoded(head, 0, StandardCharsets.UTF_16BE);
        }
        if (b0 > 0 && b1 == 0 && !utf32) {
            return transcoded(head, 0, StandardCharsets.UTF_16LE);
        }
        return new SequenceInputStream(new ByteArrayInputStream(head), in);
    }

    private InputStream transcoded(byte[] head, int skip, Charset charset) {
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(head, skip, head.length - skip), in);
        return new Transcoder(new InputStreamReader(rest, charset));
    }

    /** Encodes the characters of a reader as UTF-8, keeping a surrogate pair split across reads together. */
    private static final class Transcoder extends InputStream {
        private final Reader reader;
        private final byte[] single = new byte[1];
        private final char[] chars = new char[CHARS + 1];
        private int carried;
        private byte[] pending = new byte[0];
        private int pendingPosition;

        Transcoder(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pendingPosition == pending.length) {
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, pending.length - pendingPosition);
            System.arraycopy(pending, pendingPosition, b, off, n);
            pendingPosition += n;
            return n;
        }

        private boolean fill() throws IOException {
            int n = reader.read(chars, carried, CHARS - carried + 1);
            if (n < 0) {
                if (carried == 0) {
                    return false;
                }
                n = 0;
            }
            int end = carried + n;
            boolean splitPair = n > 0 && Character.isHighSurrogate(chars[end - 1]);
            int encoded = splitPair ? end - 1 : end;
            pending = new String(chars, 0, encoded).getBytes(StandardCharsets.UTF_8);
            pendingPosition = 0;
            carried = end - encoded;
            if (carried > 0) {
                chars[0] = chars[end - 1];
            }
            return true;
        }
    }
}

package io.trailwatch.cloudtrail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The decoded input as the parser reads it, keeping the most recent bytes so that a record can be quoted
 * in a dead letter and the parser can be restarted a little behind where it failed (resynchronising on
 * the next line that starts a record). Positions are absolute offsets into the decoded stream.
 */
final class InputWindow extends InputStream {

    /**
     * Where {@link #seekRecordLine} stopped: the line start's offset (-1 at end of input), the newlines passed
     * to reach it, and whether everything passed was closing brackets, commas and whitespace (no content lost).
     */
    record LineStart(long offset, long newlinesPassed, boolean onlyClosers) {
        boolean atEnd() {
            return offset < 0;
        }
    }

    private static final int CAPACITY = 64 * 1024;
    /**
     * A ring left by the thread's previous input: CloudTrail delivers thousands of small files, and a fresh
     * 64 KB ring for each was an eighth of what decoding allocated.
     */
    private static final ThreadLocal<byte[]> SPARE_RING = new ThreadLocal<>();

    private final InputStream in;
    private final byte[] ring;
    private long recorded;
    private long position;
    private boolean eof;

    InputWindow(InputStream in) {
        this.in = in;
        byte[] spare = SPARE_RING.get();
        SPARE_RING.remove();
        this.ring = spare != null ? spare : new byte[CAPACITY];
    }

    /** Hands the ring to the thread's next input; this window must not be used afterwards. */
    void release() {
        SPARE_RING.set(ring);
    }

    @Override
    public int read() throws IOException {
        if (position < recorded) {
            return ring[index(position++)] & 0xff;
        }
        if (eof) {
            return -1;
        }
        int c = in.read();
        if (c < 0) {
            eof = true;
            return -1;
        }
        ring[index(recorded)] = (byte) c;
        recorded++;
        position = recorded;
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position < recorded) {
            int n = (int) Math.min(len, recorded - position);
            copyOut(position, b, off, n);
            position += n;
            return n;
        }
        if (eof) {
            return -1;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            eof = true;
            return -1;
        }
        record(b, off, n);
        return n;
    }

    /** Absolute offset of the next byte the reader will get. */
    long position() {
        return position;
    }

    /** Oldest offset still held; bytes before it can no longer be quoted or re-read. */
    long windowStart() {
        return Math.max(0, recorded - CAPACITY);
    }

    /** The byte at an offset still in the window. */
    int byteAt(long offset) {
        return ring[index(offset)] & 0xff;
    }

    /** Makes the next read start at {@code offset}, which must be inside the window. */
    void rewind(long offset) {
        if (offset < windowStart() || offset > recorded) {
            throw new IllegalArgumentException("offset " + offset + " is outside the window ["
                    + windowStart() + ", " + recorded + "]");
        }
        position = offset;
    }

    /**
     * Reads forward from {@code from} (inside the window) to the first line whose first byte is {@code '{'}
     * or {@code '['}, and leaves the position there.
     */
    LineStart seekRecordLine(long from) throws IOException {
        int previous = from == 0 ? '\n' : (from - 1 >= windowStart() ? byteAt(from - 1) : -1);
        rewind(from);
        long offset = from;
        long newlines = 0;
        boolean onlyClosers = true;
        int c;
        while ((c = read()) >= 0) {
            if ((c == '{' || c == '[') && previous == '\n') {
                rewind(offset);
                return new LineStart(offset, newlines, onlyClosers);
            }
            if (c == '\n') {
                newlines++;
            }
            onlyClosers &= c == ']' || c == '}' || c == ',' || Character.isWhitespace(c);
            previous = c;
            offset++;
        }
        return new LineStart(-1, newlines, onlyClosers);
    }

    /** Up to {@code max} bytes from {@code from} as UTF-8 text, or null when they left the window. */
    String excerpt(long from, int max) {
        if (from < windowStart() || from >= recorded) {
            return null;
        }
        int n = (int) Math.min(max, recorded - from);
        byte[] out = new byte[n];
        copyOut(from, out, 0, n);
        return new String(out, StandardCharsets.UTF_8);
    }

    private void record(byte[] b, int off, int n) {
        int start = n > CAPACITY ? off + n - CAPACITY : off;
        int count = Math.min(n, CAPACITY);
        long at = recorded + (n - count);
        int first = Math.min(count, CAPACITY - index(at));
        System.arraycopy(b, start, ring, index(at), first);
        System.arraycopy(b, start + first, ring, 0, count - first);
        recorded += n;
        position = recorded;
    }

    private void copyOut(long from, byte[] b, int off, int n) {
        int first = Math.min(n, CAPACITY - index(from));
        System.arraycopy(ring, index(from), b, off, first);
        System.arraycopy(ring, 0, b, off + first, n - first);
    }

    private static int index(long offset) {
        return (int) (offset % CAPACITY);
    }
}

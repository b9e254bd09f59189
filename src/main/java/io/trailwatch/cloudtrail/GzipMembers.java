package io.trailwatch.cloudtrail;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses a gzip stream (RFC 1952) of one or more members, as {@code gzip -d} does, and fails loudly on
 * whatever it cannot decompress. {@link java.util.zip.GZIPInputStream} differs in two ways that lose data
 * without a word: it looks for a next member only when {@code available()} says bytes are waiting, which a
 * pipe between two writes does not, so {@code cat a.gz b.gz | trailwatch replay -} could end after {@code a};
 * and it treats anything after a member that is not a valid header (a damaged second member, garbage) as the
 * end of the stream. Here the next member is looked for by reading, and bytes after a member that do not
 * start a valid one are a {@link ZipException} naming the member and the compressed offset.
 *
 * <p>Does not close the underlying stream; {@link #close()} frees the inflater and hands the buffer to the
 * thread's next stream of the same buffer size (CloudTrail delivers thousands of small files: a fresh buffer
 * for each was a tenth of what decoding them allocated).
 */
final class GzipMembers extends InputStream {

    private static final int MAGIC_1 = 0x1f;
    private static final int MAGIC_2 = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED_FLAGS = 0xe0;

    private static final ThreadLocal<byte[]> SPARE_BUFFER = new ThreadLocal<>();

    private final InputStream in;
    private final byte[] buffer;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] single = new byte[1];
    private int bufferPosition;
    private int bufferLimit;
    /** Compressed bytes taken from {@link #in} before the buffer's first byte. */
    private long consumedBefore;
    private int member;
    private boolean ended;
    private boolean closed;

    /**
     * Reads the first member's header.
     *
     * @throws IOException when it is truncated or not a gzip header (the reason names what is wrong)
     */
    GzipMembers(InputStream in, int bufferSize) throws IOException {
        this.in = in;
        byte[] spare = SPARE_BUFFER.get();
        if (spare != null && spare.length == bufferSize) {
            SPARE_BUFFER.remove();
            this.buffer = spare;
        } else {
            this.buffer = new byte[bufferSize];
        }
        try {
            readHeader(nextByte(), nextByte());
        } catch (IOException e) {
            close();
            throw e;
        }
        inflater.setInput(buffer, bufferPosition, bufferLimit - bufferPosition);
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
        while (!ended) {
            int n = inflate(b, off, len);
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsDictionary()) {
                throw fail(new ZipException("gzip member " + member + " needs a preset dictionary, which gzip never uses"));
            } else if (inflater.needsInput()) {
                if (!fill()) {
                    throw fail(new EOFException("Unexpected end of ZLIB input stream (gzip member " + member
                            + " is truncated at compressed offset " + compressedOffset() + ")"));
                }
                inflater.setInput(buffer, bufferPosition, bufferLimit - bufferPosition);
            }
        }
        return -1;
    }

    @Override
    public void close() {
        ended = true;
        if (!closed) {
            closed = true;
            inflater.end();
            SPARE_BUFFER.set(buffer);
        }
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        try {
            return inflater.inflate(b, off, len);
        } catch (DataFormatException e) {
            bufferPosition = bufferLimit - inflater.getRemaining();
            throw fail(new ZipException("gzip member " + member + " is corrupt near compressed offset "
                    + compressedOffset() + ": " + e.getMessage()));
        }
    }

    /** Checks the trailer, then starts the next member if bytes follow; anything else there is an error. */
    private void endMember() throws IOException {
        bufferPosition = bufferLimit - inflater.getRemaining();
        long expectedCrc = readUInt32();
        long expectedSize = readUInt32();
        if (expectedCrc != crc.getValue() || expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw fail(new ZipException("gzip member " + member + " fails its CRC or size check (trailer ends at"
                    + " compressed offset " + compressedOffset() + "): its data is corrupt"));
        }
        int first = nextByte();
        if (first < 0) {
            close();
            return;
        }
        long at = compressedOffset() - 1;
        try {
            readHeader(first, nextByte());
        } catch (IOException e) {
            throw fail(new ZipException("the bytes at compressed offset " + at + ", after gzip member "
                    + (member - 1) + ", are not a gzip member: " + e.getMessage()));
        }
        inflater.reset();
        crc.reset();
        inflater.setInput(buffer, bufferPosition, bufferLimit - bufferPosition);
    }

    /** Reads a member's header after its first two bytes; the data CRC is free here and checks the header's. */
    private void readHeader(int magic1, int magic2) throws IOException {
        member++;
        if (magic1 < 0 || magic2 < 0) {
            throw new EOFException("the gzip header is truncated");
        }
        if (magic1 != MAGIC_1 || magic2 != MAGIC_2) {
            throw new ZipException(String.format("no gzip magic (found 0x%02x 0x%02x)", magic1 & 0xff, magic2 & 0xff));
        }
        crc.reset();
        crc.update(MAGIC_1);
        crc.update(MAGIC_2);
        int method = requiredByte();
        if (method != DEFLATE) {
            throw new ZipException("unsupported compression method " + method + " (gzip uses 8, deflate)");
        }
        int flags = requiredByte();
        if ((flags & RESERVED_FLAGS) != 0) {
            throw new ZipException(String.format("reserved header flags set (0x%02x)", flags));
        }
        skip(6); // MTIME, XFL, OS
        if ((flags & FEXTRA) != 0) {
            skip(requiredByte() | requiredByte() << 8);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) crc.getValue() & 0xffff;
            if ((requiredByte() | requiredByte() << 8) != expected) {
                throw new ZipException("the header CRC does not match the header");
            }
        }
        crc.reset();
    }

    private long readUInt32() throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int c = nextByte();
            if (c < 0) {
                throw fail(new EOFException("Unexpected end of ZLIB input stream (the trailer of gzip member "
                        + member + " is truncated)"));
            }
            value |= (long) c << (8 * i);
        }
        return value;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            requiredByte();
        }
    }

    private void skipZeroTerminated() throws IOException {
        while (requiredByte() != 0) {
            // the file name or comment is not needed
        }
    }

    /** The next header byte, added to the header CRC. */
    private int requiredByte() throws IOException {
        int c = nextByte();
        if (c < 0) {
            throw new EOFException("the gzip header is truncated");
        }
        crc.update(c);
        return c;
    }

    /** The next compressed byte outside the inflater, or -1 at the end of the input; blocks until one comes. */
    private int nextByte() throws IOException {
        if (bufferPosition == bufferLimit && !fill()) {
            return -1;
        }
        return buffer[bufferPosition++] & 0xff;
    }

    /** Refills the empty buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        consumedBefore += bufferLimit;
        bufferPosition = 0;
        bufferLimit = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            return false;
        }
        bufferLimit = n;
        return true;
    }

    private long compressedOffset() {
        return consumedBefore + bufferPosition;
    }

    private IOException fail(IOException e) {
        close();
        return e;
    }
}

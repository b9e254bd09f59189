package io.trailwatch.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * One unit of new raw input: a whole new delivery file, or a run of new complete lines of a tailed file
 * or of stdin. The bytes are handed over as read (a delivery file may be gzip; the decoder sniffs) and
 * are not copied: neither side modifies them.
 *
 * @param origin the file the bytes came from ({@code -} for stdin), for {@link Origin}s
 * @param firstLine the 1-based line number of the first byte in {@code origin}; 1 for whole files
 * @param content the raw bytes
 * @param checkpointBefore the source position before this unit, for {@link LiveSource#restore}, where it
 *     can name more than "the start of whatever is there now" (a tailed file's generation, which rotation
 *     may rename); null when the source has no such position; read-only
 * @param checkpointAfter the source position after this unit, for {@link LiveSource#restore}; read-only
 */
public record InputUnit(String origin, long firstLine, byte[] content, ObjectNode checkpointBefore,
                        ObjectNode checkpointAfter) {

    /** A unit without a position before it. */
    public InputUnit(String origin, long firstLine, byte[] content, ObjectNode checkpointAfter) {
        this(origin, firstLine, content, null, checkpointAfter);
    }

    /** The content as a stream, for {@code CloudTrailDecoder.decode(InputStream, String, DecodeListener)}. */
    public InputStream open() {
        return new ByteArrayInputStream(content);
    }
}

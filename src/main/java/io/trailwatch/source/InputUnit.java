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
 * @param checkpointAfter the source position after this unit, for {@link LiveSource#restore}; read-only
 */
public record InputUnit(String origin, long firstLine, byte[] content, ObjectNode checkpointAfter) {

    /** The content as a stream, for {@code CloudTrailDecoder.decode(InputStream, String, DecodeListener)}. */
    public InputStream open() {
        return new ByteArrayInputStream(content);
    }
}

package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.trailwatch.source.Origin;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Decodes CloudTrail records from every delivery format into {@link CloudTrailEvent}s, recognising the
 * format by content, never by file name. Thread-safe: one decoder may decode several inputs at once.
 *
 * <p>Formats: gzip or plain; UTF-8, or UTF-16 (transcoded, see {@link Utf8Input}); S3 delivery files {@code {"Records":[...]}} (extra top-level keys ignored);
 * JSON lines, records concatenated with or without whitespace, pretty-printed records one after another;
 * a bare array of records; EventBridge envelopes ({@code detail-type} ending in {@code via CloudTrail},
 * record in {@code detail}), alone, one per line or in arrays; {@code aws cloudtrail lookup-events} output
 * ({@code Events[].CloudTrailEvent} as a JSON string); CloudWatch Logs subscription payloads
 * ({@code DATA_MESSAGE}, records in {@code logEvents[].message}), several per stream allowed.
 *
 * <p>Skipped on purpose ({@link DecodeListener#onSkippedFile}): digest files, CloudWatch Logs
 * {@code CONTROL_MESSAGE}s, and an input whose first value is JSON that is not CloudTrail (the rest of
 * that input is then not read). Empty inputs too.
 *
 * <p>Bad records ({@link DecodeListener#onBadRecord}), after which decoding continues: a value that is
 * not an object; a record lacking {@code eventID}, {@code eventName} or {@code eventTime} (or holding
 * one of them as a non-string); an unreadable {@code eventTime}; a record over the limits. A record
 * without {@code eventTime} uses {@code @timestamp} (Logstash exports). Optional fields of the wrong JSON
 * type are ignored as if absent, so the event still reaches the rules (see {@code RecordReader}).
 * Malformed JSON is reported once and decoding resumes at the next line starting with {@code '{'} or
 * {@code '['}; a truncated or corrupt gzip stream is reported after the records before the damage. A gzip
 * input may hold several members one after another (concatenated files); bytes after a member that are not
 * another member are reported too (see {@link GzipMembers}).
 *
 * <p>Origins carry the 1-based line where the record starts when it starts a line or lies past the first
 * line, and always the byte offset in the decoded (decompressed, UTF-8) stream.
 */
public final class CloudTrailDecoder {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    /** CloudTrail delivers many small files (~30 KB gzip): larger buffers per input were mostly allocation. */
    private static final int BUFFER = 16 * 1024;
    private static final int MAGIC_LENGTH = 2;

    private final DecodeLimits limits;
    private final JsonFactory factory;

    public CloudTrailDecoder() {
        this(DecodeLimits.defaults());
    }

    public CloudTrailDecoder(DecodeLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .build())
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
    }

    /**
     * Decodes one input (raw bytes; gzip detected by its magic bytes). Never throws for bad content: bad
     * parts go to {@link DecodeListener#onBadRecord} and decoding continues with the next record where the
     * format allows. Does not close {@code in}.
     *
     * @param name the input's name in origins and reports ({@code -} for standard input)
     * @throws IOException only when reading {@code in} itself fails, after reporting what was read and a
     *                     bad record for the failure
     */
    public void decode(InputStream in, String name, DecodeListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        // Gzip input is buffered by GzipMembers alone; a buffer in front of it was a second 16 KB per file.
        PushbackInputStream source = new PushbackInputStream(SourceReadException.marking(in), MAGIC_LENGTH);
        boolean gzip = startsWithGzipMagic(source);
        InputStream decoded;
        if (gzip) {
            try {
                decoded = new GzipMembers(source, BUFFER);
            } catch (SourceReadException e) {
                throw e.original();
            } catch (IOException e) {
                listener.onBadRecord(Origin.offset(name, 0), "gzip header is truncated or corrupt (" + e + ")", null);
                return;
            }
        } else {
            decoded = new BufferedInputStream(source, BUFFER);
        }
        InputWindow window = new InputWindow(new Utf8Input(decoded));
        try {
            new DecodeRun(factory, limits, name, listener, window, gzip).run();
        } finally {
            window.release();
            if (gzip) {
                decoded.close();
            }
        }
    }

    /** Decodes a file; see {@link #decode(InputStream, String, DecodeListener)}. The name is the path as given. */
    public void decode(Path file, DecodeListener listener) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            decode(in, file.toString(), listener);
        }
    }

    /** Reads the first two bytes and pushes them back. */
    private static boolean startsWithGzipMagic(PushbackInputStream in) throws IOException {
        byte[] head = new byte[MAGIC_LENGTH];
        int n;
        try {
            n = in.readNBytes(head, 0, MAGIC_LENGTH);
        } catch (SourceReadException e) {
            throw e.original();
        }
        in.unread(head, 0, n);
        return n == MAGIC_LENGTH && (head[0] & 0xff) == GZIP_MAGIC_1 && (head[1] & 0xff) == GZIP_MAGIC_2;
    }
}

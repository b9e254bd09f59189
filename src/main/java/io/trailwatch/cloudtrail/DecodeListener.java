package io.trailwatch.cloudtrail;

import io.trailwatch.source.Origin;

/**
 * Receives what {@link CloudTrailDecoder} finds, in input order. Called on the decoding thread; an
 * implementation that hands events to another thread does its own synchronisation.
 */
public interface DecodeListener {

    /** A decoded, normalised record and where it started. */
    void onEvent(CloudTrailEvent event, Origin origin);

    /**
     * A record (or a whole unreadable file/stream) that could not be decoded.
     *
     * @param origin where the record (or the damage) starts
     * @param reason what is wrong, naming the field or the limit and the value found
     * @param excerpt at most ~1 KiB of the raw text, may be null when the raw text is not available
     */
    void onBadRecord(Origin origin, String reason, String excerpt);

    /**
     * A file that is not CloudTrail data and is skipped on purpose (digest files, other JSON, CloudWatch
     * Logs control messages); counted, not dead-lettered.
     */
    void onSkippedFile(String file, String reason);
}

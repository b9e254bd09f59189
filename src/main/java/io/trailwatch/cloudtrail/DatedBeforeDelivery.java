package io.trailwatch.cloudtrail;

import io.trailwatch.source.Origin;
import java.time.Duration;
import java.time.Instant;

/**
 * Passes on what a decoder finds, except events dated more than {@link #TOLERANCE} after a time the records
 * must precede (their file's delivery time, or this machine's clock): those are bad records. CloudTrail
 * writes a record before delivering it, so such a date is corrupt, and an event carrying it would move event
 * time there, which never goes back: every later event would be late and every window and timer would stall.
 */
public final class DatedBeforeDelivery implements DecodeListener {

    /** How far past the bound a record may be dated: clock skew between AWS hosts is far less. */
    public static final Duration TOLERANCE = Duration.ofHours(1);

    private final DecodeListener next;
    private final long latestMillis;
    private final String what;
    private final Instant by;
    private final String hint;

    /**
     * @param next  where events within the bound, bad records and skipped files go
     * @param by    the time records must precede
     * @param what  what {@code by} is, for the bad record's reason ({@code "the delivery time in the file name"})
     * @param hint  appended to the reason: what to check if every record is refused; may be empty
     */
    public DatedBeforeDelivery(DecodeListener next, Instant by, String what, String hint) {
        this.next = next;
        this.latestMillis = by.plus(TOLERANCE).toEpochMilli();
        // The reason is written only for a refused record: one per delivery file, formatting the time took a
        // C2 compilation of the JDK's instant printer in every replay.
        this.what = what;
        this.by = by;
        this.hint = hint;
    }

    @Override
    public void onEvent(CloudTrailEvent event, Origin origin) {
        if (event.getEventTimeMillis() > latestMillis) {
            next.onBadRecord(origin, "eventTime " + event.getEventTime() + " is more than " + TOLERANCE.toMinutes()
                    + " minutes after " + what + " (" + by + "): CloudTrail writes a record before delivering it, so the"
                    + " record is corrupt" + hint, event.toString());
            return;
        }
        next.onEvent(event, origin);
    }

    @Override
    public void onBadRecord(Origin origin, String reason, String excerpt) {
        next.onBadRecord(origin, reason, excerpt);
    }

    @Override
    public void onSkippedFile(String file, String reason) {
        next.onSkippedFile(file, reason);
    }
}

package io.trailwatch.cloudtrail;

/** Stops reading a record once it has consumed more input than {@link DecodeLimits#maxRecordBytes()} allows. */
@FunctionalInterface
interface RecordBudget {

    /** For records whose size was checked before parsing (records embedded as strings). */
    RecordBudget UNLIMITED = () -> { };

    /** @throws RecordTooLargeException when the record has outgrown the limit */
    void check();

    /** Thrown by {@link #check()}; the reader skips the rest of the record and reports it as bad. */
    final class RecordTooLargeException extends RuntimeException {
        private final boolean cloudTrailKeySeen;

        RecordTooLargeException(String message) {
            this(message, false);
        }

        private RecordTooLargeException(String message, boolean cloudTrailKeySeen) {
            super(message, null, false, false);
            this.cloudTrailKeySeen = cloudTrailKeySeen;
        }

        /** The same, saying whether a key that only CloudTrail records have was read before the limit. */
        RecordTooLargeException after(boolean keySeen) {
            return new RecordTooLargeException(getMessage(), keySeen);
        }

        /** Whether a CloudTrail key (eventID, eventName, eventTime, eventSource, userIdentity, ...) came first. */
        boolean cloudTrailKeySeen() {
            return cloudTrailKeySeen;
        }
    }
}

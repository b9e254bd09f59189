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
        RecordTooLargeException(String message) {
            super(message, null, false, false);
        }
    }
}

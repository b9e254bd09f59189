package io.trailwatch.cloudtrail;

/**
 * Bounds that keep one hostile or broken record from exhausting memory. A record that breaks a limit is
 * reported as a bad record; decoding goes on with the next record where the format allows it.
 *
 * @param maxNestingDepth deepest nesting of objects and arrays accepted in one input (Jackson's
 *                        {@code StreamReadConstraints.maxNestingDepth})
 * @param maxStringLength longest string value, in characters; also bounds the records embedded as
 *                        strings (lookup-events {@code CloudTrailEvent}, CloudWatch Logs {@code message})
 * @param maxNumberLength longest number literal, in characters
 * @param maxRecordBytes  largest record, in bytes of decoded input; measured against the bytes the parser
 *                        has read, so a record is caught at most one parser buffer (8 KiB) after it passes
 *                        the limit
 */
public record DecodeLimits(int maxNestingDepth, int maxStringLength, int maxNumberLength, long maxRecordBytes) {

    /** Highest accepted {@link #maxNestingDepth}: nested values are read recursively, so this bounds the stack. */
    public static final int MAX_NESTING_DEPTH = 1000;

    private static final DecodeLimits DEFAULTS = new DecodeLimits(64, 1 << 20, 1000, 1L << 20);

    public DecodeLimits {
        requirePositive("maxNestingDepth", maxNestingDepth);
        if (maxNestingDepth > MAX_NESTING_DEPTH) {
            throw new IllegalArgumentException("DecodeLimits.maxNestingDepth is " + maxNestingDepth
                    + " but must be at most " + MAX_NESTING_DEPTH + " (nested values are read recursively)");
        }
        requirePositive("maxStringLength", maxStringLength);
        requirePositive("maxNumberLength", maxNumberLength);
        requirePositive("maxRecordBytes", maxRecordBytes);
    }

    /**
     * Limits generous for real CloudTrail (records are at most a few hundred KiB, nested a dozen levels):
     * nesting 64, strings 1 MiB, numbers 1000 digits, records 1 MiB.
     */
    public static DecodeLimits defaults() {
        return DEFAULTS;
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("DecodeLimits." + name + " is " + value
                    + " but must be at least 1; use DecodeLimits.defaults() for the standard value");
        }
    }
}

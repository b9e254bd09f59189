package io.trailwatch.cli;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * The one line printed when a command runs out of Java heap: how large the heap was, what filled it when
 * that is known, and the setting that fixes it.
 */
final class OutOfMemoryAdvice {

    private static final long MIB = 1024 * 1024;

    private OutOfMemoryAdvice() {}

    /** For any command: the heap was too small for the job. */
    static String general(long maxHeapBytes) {
        return "out of memory: the Java heap (at most " + mib(maxHeapBytes) + ") is too small for this run; give Java"
                + " more heap, e.g. JAVA_OPTS=" + largerHeap(maxHeapBytes);
    }

    /**
     * For replay, knowing what the reorder buffer held.
     *
     * @param buffered events in the reorder buffer when the heap ran out, if that happened while feeding
     * @param lateness the run's {@code --max-lateness} as given; null when unbounded
     */
    static String replay(long maxHeapBytes, OptionalInt buffered, String lateness) {
        if (buffered.isEmpty()) {
            return general(maxHeapBytes);
        }
        String filled = "out of memory: the Java heap (at most " + mib(maxHeapBytes) + ") filled up with "
                + String.format(Locale.ROOT, "%,d", buffered.getAsInt()) + " events in the reorder buffer";
        if (lateness == null) {
            return filled + "; without --max-lateness replay holds the whole input to sort it. Pass --max-lateness 15m"
                    + " to hold only 15 minutes of events, or give Java more heap, e.g. JAVA_OPTS=" + largerHeap(maxHeapBytes);
        }
        return filled + " (--max-lateness " + lateness + "). Give Java more heap, e.g. JAVA_OPTS="
                + largerHeap(maxHeapBytes) + ", or lower --max-lateness";
    }

    private static String mib(long bytes) {
        return bytes / MIB + " MiB";
    }

    /** Twice the heap, rounded up to 64 MiB (to whole GiB from 1 GiB on): a setting worth typing. */
    static String largerHeap(long maxHeapBytes) {
        long mib = Math.max(64, (2 * maxHeapBytes / MIB + 63) / 64 * 64);
        return mib < 1024 ? "-Xmx" + mib + "m" : "-Xmx" + (mib + 1023) / 1024 + "g";
    }
}

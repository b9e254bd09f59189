package io.trailwatch.cli;

import io.trailwatch.pipeline.ReplayStats;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** The end-of-run summary a replay prints on stderr. */
final class Summary {

    private Summary() {}

    static void print(ReplayStats s, Path deadLetter, PrintStream err) {
        err.printf("replayed %,d inputs (%,d skipped as not CloudTrail, %,d unreadable): %,d records in %.1f s (%,.0f records/s)%n",
                s.inputs(), s.skippedFiles(), s.unreadableInputs(), s.records(), s.seconds(), s.eventsPerSecond());
        err.printf("  duplicates %,d, late %,d, bad records %,d%s%n", s.duplicates(), s.late(), s.badRecords(),
                s.badRecords() > 0 ? " (written to " + deadLetter + ")" : "");
        err.printf("  alerts %,d, suppressed %,d%n", s.alerts(), s.suppressedAlerts());
        for (Map.Entry<String, long[]> e : s.alertsByRule().entrySet()) {
            long[] c = e.getValue();
            err.printf("    %-36s %,6d%s%n", e.getKey(), c[0], c[1] > 0 ? String.format(" (+%,d suppressed)", c[1]) : "");
        }
    }
}

package io.trailwatch.cli;

import io.trailwatch.pipeline.Progress;
import io.trailwatch.pipeline.ReplayStats;
import java.io.PrintStream;

/** A progress line on stderr, rewritten in place at most once a second; only when a person watches. */
final class TerminalProgress implements Progress {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private int calls;
    private boolean printed;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    static Progress forTerminal(Terminal terminal) {
        return terminal.interactive() ? new TerminalProgress(terminal.err()) : Progress.NONE;
    }

    @Override
    public void tick(ReplayStats stats) {
        if ((++calls & 4095) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        err.printf("\r%,d records, %,d alerts, %,.0f records/s   ", stats.records(), stats.alerts() + stats.suppressedAlerts(),
                stats.records() / seconds);
        printed = true;
    }

    @Override
    public void done() {
        if (printed) {
            err.print("\r\033[K");
        }
    }
}

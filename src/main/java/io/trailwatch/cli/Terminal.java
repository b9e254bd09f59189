package io.trailwatch.cli;

import io.trailwatch.sink.stdout.StandardOutput;
import java.io.PrintStream;

/**
 * Where a command writes: data to {@code out}, progress and summaries to {@code err}. Tests pass their own
 * streams; {@code interactive} says whether a person is watching stderr (progress lines are only for them).
 */
record Terminal(PrintStream out, PrintStream err, boolean interactive) {

    static Terminal system() {
        return new Terminal(StandardOutput.ofProcess(), System.err, System.console() != null);
    }
}

package io.trailwatch.engine;

import java.nio.file.Path;

/**
 * One problem found while loading a rule pack.
 *
 * @param file    the module file, relative to the rules directory's parent (or as given)
 * @param line    1-based line in that file where the problem is
 * @param message what is wrong and how to fix it
 */
public record RuleProblem(Path file, int line, String message) {

    /** {@code file:line: message}, the form editors and CI annotations understand. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}

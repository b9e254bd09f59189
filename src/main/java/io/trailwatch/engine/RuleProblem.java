package io.trailwatch.engine;

import java.nio.file.Path;

/**
 * One problem found while loading a rule pack.
 *
 * @param file    the module file, under the rules directory as the user gave it
 * @param line    1-based line in that file where the problem is; 0 for a problem of the whole file or
 *                directory
 * @param message what is wrong and how to fix it
 */
public record RuleProblem(Path file, int line, String message) {

    /** {@code file:line: message}, the form editors and CI annotations understand ({@code file: message} without a line). */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}

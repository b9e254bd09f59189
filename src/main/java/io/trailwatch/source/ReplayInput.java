package io.trailwatch.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One replay input: a file or standard input.
 *
 * @param path    the file, or null for standard input
 * @param name    the name used in origins and reports: the path as given, or {@code -} for standard input
 * @param problem why the input cannot be read, found while listing its directory (a directory that cannot be
 *                listed, a broken symbolic link); null when there is none. {@link #open()} then fails with
 *                it, so the input is counted and dead-lettered like any file that cannot be read
 */
public record ReplayInput(Path path, String name, String problem) {

    /** A readable file or, with a null path, standard input. */
    public ReplayInput(Path path, String name) {
        this(path, name, null);
    }

    /** Standard input, named {@code -}. */
    public static ReplayInput stdin() {
        return new ReplayInput(null, "-");
    }

    /** An entry of a directory tree that cannot be read, and why. */
    public static ReplayInput unreadable(Path path, String problem) {
        return new ReplayInput(path, path.toString(), problem);
    }

    /**
     * Opens the input; closing the stream of standard input leaves {@code System.in} open.
     *
     * @throws IOException when the file cannot be opened, or with {@link #problem()} when there is one
     */
    public InputStream open() throws IOException {
        if (problem != null) {
            throw new IOException(problem);
        }
        if (path == null) {
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // System.in stays open for anyone else reading it
                }
            };
        }
        return Files.newInputStream(path);
    }
}

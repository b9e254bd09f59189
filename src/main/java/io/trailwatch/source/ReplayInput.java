package io.trailwatch.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One replay input: a file or standard input.
 *
 * @param path the file, or null for standard input
 * @param name the name used in origins and reports: the path as given, or {@code -} for standard input
 */
public record ReplayInput(Path path, String name) {

    /** Standard input, named {@code -}. */
    public static ReplayInput stdin() {
        return new ReplayInput(null, "-");
    }

    /** Opens the input; closing the stream of standard input leaves {@code System.in} open. */
    public InputStream open() throws IOException {
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

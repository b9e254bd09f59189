package io.trailwatch.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Resolves S3 object keys under the output directory, creating each parent directory once. */
final class OutputTree {

    private final Path root;
    private final Set<Path> created = new HashSet<>();

    OutputTree(Path root) {
        this.root = root;
    }

    /** The file for {@code key}, its parent directory created. */
    Path file(String key) throws IOException {
        Path file = root.resolve(key);
        Path parent = file.getParent();
        if (created.add(parent)) {
            Files.createDirectories(parent);
        }
        return file;
    }
}

package io.trailwatch.pipeline;

import io.trailwatch.cloudtrail.DeadLetterFile;
import io.trailwatch.source.Origin;
import java.io.IOException;
import java.nio.file.Path;

/** Opens the dead-letter file on the first bad record, so a clean run leaves no empty file behind. */
final class LazyDeadLetter implements AutoCloseable {

    private final Path path;
    private DeadLetterFile file;

    LazyDeadLetter(Path path) {
        this.path = path;
    }

    void write(Origin origin, String reason, String excerpt) {
        if (file == null) {
            file = new DeadLetterFile(path);
        }
        file.write(origin, reason, excerpt);
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}

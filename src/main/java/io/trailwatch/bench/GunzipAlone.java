package io.trailwatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The part of the floor no JSON reader can avoid: one thread gunzips every file into a buffer and looks at
 * nothing. Set against the CPU budget that replay's goal allows, it shows how much is left for parsing,
 * ordering, rules, the JIT and the collector.
 */
final class GunzipAlone {

    private static final int BUFFER = 64 * 1024;

    /** Inflates every file; returns the number of bytes inflated. */
    long inflate(List<Path> files) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long bytes = 0;
        for (Path file : files) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), BUFFER)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes += n;
                }
            }
        }
        return bytes;
    }
}

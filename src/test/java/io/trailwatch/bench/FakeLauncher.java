package io.trailwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A stand-in for the {@code trailwatch} launcher: writes its arguments to {@code args.txt}, the environment
 * the benchmark sets to {@code env.txt} (with the number of entries in the rule cache directory) and a small
 * stats file, all beside the {@code --stats} file it is given.
 */
final class FakeLauncher {

    private static final String SCRIPT = """
            #!/bin/sh
            stats=""
            previous=""
            for arg in "$@"; do
              [ "$previous" = "--stats" ] && stats="$arg"
              previous="$arg"
            done
            work="$(dirname "$stats")"
            printf '%s\\n' "$@" > "$work/args.txt"
            {
              echo "JAVA_OPTS=${JAVA_OPTS:-}"
              echo "TRAILWATCH_CDS=${TRAILWATCH_CDS:-}"
              echo "TRAILWATCH_RULE_CACHE=${TRAILWATCH_RULE_CACHE:-}"
              if [ -n "${TRAILWATCH_RULE_CACHE:-}" ]; then
                echo "cachedEntries=$(ls -A "$TRAILWATCH_RULE_CACHE" | wc -l | tr -d ' ')"
                touch "$TRAILWATCH_RULE_CACHE/compiled.jar"
              fi
            } > "$work/env.txt"
            echo '{"records":7,"alerts":1,"late":0,"maxHeapAfterGcBytes":1,"peakHeapUsedBytes":2,"heapSamples":[]}' > "$stats"
            """;

    private FakeLauncher() {}

    /** Writes the script as {@code dir/trailwatch}, executable, and returns its path. */
    static Path write(Path dir) throws IOException {
        Path launcher = dir.resolve("trailwatch");
        Files.writeString(launcher, SCRIPT);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }
}

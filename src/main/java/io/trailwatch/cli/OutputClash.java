package io.trailwatch.cli;

import io.trailwatch.source.ReplayInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a replay whose outputs are among its inputs or are one file twice. Outputs are appended to: an
 * output that is also an input would take alerts or dead letters into the records being read (they come
 * back as bad records on the next run, a dead-letter file then feeding itself), and two outputs in one file
 * would interleave alerts with dead letters.
 */
final class OutputClash {

    private OutputClash() {}

    /**
     * @param inputs  the expanded replay inputs
     * @param outputs each output by the option that names it ({@code --output}, ...), in the order to check;
     *                null values are outputs not written
     * @throws UsageException naming the first clash, the path and the fix
     */
    static void check(List<ReplayInput> inputs, Map<String, Path> outputs) throws UsageException {
        List<Map.Entry<String, Path>> seen = new ArrayList<>();
        for (Map.Entry<String, Path> output : outputs.entrySet()) {
            Path path = output.getValue();
            if (path == null) {
                continue;
            }
            for (Map.Entry<String, Path> earlier : seen) {
                if (same(earlier.getValue(), path)) {
                    throw new UsageException(output.getKey() + ": " + path + " is also the " + earlier.getKey()
                            + " file (give each output its own file)");
                }
            }
            seen.add(output);
            if (!Files.exists(path)) {
                continue;
            }
            Set<String> names = names(path);
            for (ReplayInput input : inputs) {
                if (input.path() != null && names.contains(String.valueOf(input.path().getFileName()))
                        && same(input.path(), path)) {
                    throw new UsageException(output.getKey() + ": " + path + " is also a replay input (it would be"
                            + " appended to while it is read: write it outside the inputs)");
                }
            }
        }
    }

    /** The names the file goes by: as given and, through symbolic links, its real one. */
    private static Set<String> names(Path path) {
        Set<String> names = new HashSet<>();
        names.add(String.valueOf(path.getFileName()));
        try {
            names.add(String.valueOf(path.toRealPath().getFileName()));
        } catch (IOException e) {
            // the name as given is all there is
        }
        return names;
    }

    /** One file: the same path, or (when both exist) the same file through links. */
    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}

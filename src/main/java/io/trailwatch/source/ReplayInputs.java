package io.trailwatch.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns replay command-line arguments into the inputs to read, in a deterministic order. */
public final class ReplayInputs {

    private ReplayInputs() {}

    /**
     * Expands CLI arguments: files as given, directories walked recursively (hidden files
     * and directories skipped, and the notes that sit beside recorded data: {@code *.md}, {@code *.txt}),
     * {@code -} for standard input. Formats are detected by content; the note filter only keeps a
     * recording's SOURCE.md from being reported as a bad record. Result order is deterministic: arguments in
     * the order given, each directory's files in path order. (Replay then reads delivery files by the
     * delivery time in their names: {@code pipeline.DeliveryOrder}.)
     *
     * @throws NoSuchFileException naming the first argument that does not exist
     */
    public static List<ReplayInput> expand(List<String> args) throws IOException {
        List<ReplayInput> inputs = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                inputs.add(ReplayInput.stdin());
                continue;
            }
            Path path = Path.of(arg);
            if (!Files.exists(path)) {
                throw new NoSuchFileException(arg, null, "replay input does not exist; pass an existing file,"
                        + " a directory, or - for standard input");
            }
            if (Files.isDirectory(path)) {
                inputs.addAll(walk(path));
            } else {
                inputs.add(new ReplayInput(path, arg));
            }
        }
        return List.copyOf(inputs);
    }

    private static List<ReplayInput> walk(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(dir, p))
                    .filter(p -> !isNote(p))
                    .sorted()
                    .map(p -> new ReplayInput(p, p.toString()))
                    .toList();
        }
    }

    private static boolean isNote(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".md") || name.endsWith(".txt");
    }

    /** Hidden: the file or any directory between {@code dir} and it has a name starting with a dot. */
    private static boolean isHidden(Path dir, Path file) {
        for (Path part : dir.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}

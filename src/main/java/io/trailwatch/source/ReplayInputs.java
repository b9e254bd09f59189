package io.trailwatch.source;

import io.trailwatch.config.FileProblems;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Turns replay command-line arguments into the inputs to read, in a deterministic order. */
public final class ReplayInputs {

    private static final Logger LOG = LogManager.getLogger(ReplayInputs.class);

    private ReplayInputs() {}

    /**
     * Expands CLI arguments: files as given, directories walked recursively (hidden files
     * and directories skipped, and the notes that sit beside recorded data: {@code *.md}, {@code *.txt}),
     * {@code -} for standard input. Formats are detected by content; the note filter only keeps a
     * recording's SOURCE.md from being reported as a bad record. Result order is deterministic: arguments in
     * the order given, each directory's files in path order. (Replay then reads delivery files by the
     * delivery time in their names: {@code pipeline.DeliveryOrder}.)
     *
     * <p>Inside a directory, symbolic links to files are read and symbolic links to directories are not
     * followed (a warning names each), so a link loop cannot make the walk endless. What cannot be read
     * (a directory that cannot be listed, a broken link, a socket) is returned as an input whose
     * {@link ReplayInput#open()} fails with the reason, so the replay counts and dead-letters it and goes on.
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

    /** Walks {@code dir}; a directory given as a link is walked at its target, its files named under the link. */
    private static List<ReplayInput> walk(Path dir) throws IOException {
        List<ReplayInput> found = new ArrayList<>();
        boolean link = Files.isSymbolicLink(dir);
        Path start = link ? dir.toRealPath() : dir;
        Function<Path, Path> named = link ? p -> dir.resolve(start.relativize(p)) : Function.identity();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
                return d.equals(start) || !isHidden(d) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (isHidden(file) || isNote(file)) {
                    return FileVisitResult.CONTINUE;
                }
                Path name = named.apply(file);
                if (attributes.isRegularFile() || Files.isRegularFile(file)) {
                    found.add(new ReplayInput(name, name.toString()));
                } else if (Files.isDirectory(file)) {
                    LOG.warn("Not following the symbolic link {} to a directory; pass it as an argument to read it", name);
                } else {
                    found.add(ReplayInput.unreadable(name, attributes.isSymbolicLink()
                            ? "broken symbolic link (its target does not exist)" : "not a regular file"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                found.add(ReplayInput.unreadable(named.apply(file), FileProblems.reason(e)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
                if (e != null) {
                    found.add(ReplayInput.unreadable(named.apply(d), "listing the directory failed part-way: " + FileProblems.reason(e)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(ReplayInput::path));
        return found;
    }

    private static boolean isNote(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".md") || name.endsWith(".txt");
    }

    /** Hidden: a name starting with a dot; a hidden directory is not entered. */
    private static boolean isHidden(Path entry) {
        return entry.getFileName().toString().startsWith(".");
    }
}

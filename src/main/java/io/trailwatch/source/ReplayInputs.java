package io.trailwatch.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Turns replay command-line arguments into the inputs to read, in a deterministic order. */
public final class ReplayInputs {

    /** The delivery timestamp CloudTrail puts in every log file name: {@code <acct>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_...}. */
    private static final Pattern DELIVERY_TIME = Pattern.compile("_(\\d{8}T\\d{4}Z)_");

    private static final Comparator<Path> BY_DELIVERY_TIME =
            Comparator.comparing(ReplayInputs::deliveryTime).thenComparing(Comparator.naturalOrder());

    private ReplayInputs() {}

    /**
     * Expands CLI arguments: files as given, directories walked recursively (hidden files
     * and directories skipped, and the notes that sit beside recorded data: {@code *.md}, {@code *.txt}),
     * {@code -} for standard input. Formats are detected by content; the note filter only keeps a
     * recording's SOURCE.md from being reported as a bad record. Result order is deterministic: arguments in
     * the order given; inside a directory, CloudTrail delivery files by the delivery time in their name
     * ({@code ..._20240801T1335Z_...}), so that a tree spanning many accounts and regions arrives roughly in
     * event time and a bounded reorder buffer suffices; then by path.
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
                    .sorted(BY_DELIVERY_TIME)
                    .map(p -> new ReplayInput(p, p.toString()))
                    .toList();
        }
    }

    /** The delivery time in the file's name, or "" (sorting first) when it has none. */
    private static String deliveryTime(Path file) {
        Matcher m = DELIVERY_TIME.matcher(file.getFileName().toString());
        return m.find() ? m.group(1) : "";
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

package io.trailwatch.source;

/**
 * Where a record came from, for dead letters and diagnostics: a file (or {@code -} for stdin) and a
 * 1-based line or, where lines mean nothing (gzip, a single-line array), a byte offset of the decoded stream.
 */
public record Origin(String file, long line, long offset) {

    public static Origin line(String file, long line) {
        return new Origin(file, line, -1);
    }

    public static Origin offset(String file, long offset) {
        return new Origin(file, -1, offset);
    }

    public static Origin file(String file) {
        return new Origin(file, -1, -1);
    }

    @Override
    public String toString() {
        if (line >= 0) {
            return file + ":" + line;
        }
        return offset >= 0 ? file + "@" + offset : file;
    }
}

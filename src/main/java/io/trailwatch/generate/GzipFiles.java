package io.trailwatch.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes gzip files with a fixed header (Java writes mtime 0 and no file name), so equal content gives equal bytes,
 * and returns the SHA-256 of the uncompressed content, which CloudTrail digests list per log file.
 */
final class GzipFiles {

    /** Writes the uncompressed content of one file. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private GzipFiles() {
    }

    /** Writes {@code file}; its parent directory must exist. */
    static String write(Path file, Content content) throws IOException {
        MessageDigest sha = sha256();
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             GZIPOutputStream gzip = new FastGzip(raw);
             DigestOutputStream out = new DigestOutputStream(gzip, sha)) {
            content.writeTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM; every Java 17 runtime must provide it", e);
        }
    }

    /** Fastest deflate level: generation speed matters more here than a few percent of file size. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}

package io.trailwatch.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A JSON-lines file that grows by appends and is rotated by rename ({@code file -> file.1}, a new
 * {@code file} created) or by copy-truncate ({@code file} copied to {@code file.1}, then truncated to 0).
 * Each unit is a run of new complete lines; a line is handed out only once its {@code \n} is written, and
 * every line exactly once.
 *
 * <p><b>Identity.</b> The file being read is recognised by a fingerprint, the SHA-256 of its first
 * {@code min(consumed bytes, }{@value #FINGERPRINT_BYTES}{@code )} bytes, not by inode, so both rotation
 * styles are seen the same way: when {@code file} no longer starts with the fingerprint (or is shorter
 * than the position read), the source looks for the fingerprint among the {@code file.*} siblings,
 * finishes that file from the position, then starts the new {@code file} from byte 0. Two generations
 * whose first kilobyte is identical cannot be told apart; CloudTrail records carry unique event ids, so
 * this does not happen for real logs.
 *
 * <p><b>Finishing a rotated file.</b> A writer may keep appending to a file renamed away until it reopens
 * its log. The renamed file is therefore read until it has been unmodified for {@code rotationGrace};
 * only then does reading move to the next generation, whose lines wait meanwhile. A renamed file that ends
 * without a newline after that is handed out with its last bytes as a final line (with a warning), since
 * nothing will complete it. Generations rotated within one file-system timestamp tick of each other cannot
 * be ordered, and one of them can be skipped.
 *
 * <p><b>Copy-truncate loses lines by design.</b> Lines appended between the copy and the truncation are
 * in neither file; any tailer loses them (so does logrotate's {@code copytruncate}). Prefer rename
 * rotation. A truncation without any copy found is reported as a warning and reading restarts at 0.
 *
 * <p><b>Limits.</b> A poll hands out at most {@value #MAX_UNITS_PER_POLL} units of at most
 * {@value #MAX_UNIT_BYTES} bytes. A line longer than {@value #MAX_UNIT_BYTES} bytes is skipped with a
 * warning naming it.
 *
 * <p><b>Several generations.</b> After finishing a rotated file, reading goes on with the next generation:
 * the {@code file.*} sibling (not gzip) modified least recently after it, if any, else the tailed file. So a
 * restart that resumes in {@code file.3} reads {@code file.2} and {@code file.1} before {@code file}.
 *
 * <p><b>Checkpoint.</b> {@code {"source", "fingerprint", "fingerprintLength", "offset", "line"}} plus
 * {@code "rotatedPath"} while finishing a rotated-away file. At offset 0 the fingerprint may cover up to
 * {@value #FINGERPRINT_BYTES} bytes: the start of the generation beginning with them, wherever rotation has
 * moved it since (each unit's {@link InputUnit#checkpointBefore()} at a generation's start is such a one).
 */
public final class TailedFileSource implements LiveSource {

    /** How long a rotated-away file must stay unmodified before reading moves to the new file. */
    public static final Duration DEFAULT_ROTATION_GRACE = Duration.ofSeconds(1);

    static final int FINGERPRINT_BYTES = 1024;
    static final int MAX_UNIT_BYTES = 4 * 1024 * 1024;
    static final int MAX_UNITS_PER_POLL = 8;

    private static final Logger LOG = LogManager.getLogger(TailedFileSource.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] EMPTY_FINGERPRINT = sha256(new byte[0]);

    private final Path file;
    private final String id;
    private final Duration rotationGrace;
    private Cursor cursor = Cursor.START;

    public TailedFileSource(Path file) {
        this(file, DEFAULT_ROTATION_GRACE);
    }

    /**
     * @param file the file to tail; it may not exist yet
     * @param rotationGrace how long a rotated-away file must stay unmodified before it counts as finished
     */
    public TailedFileSource(Path file, Duration rotationGrace) {
        if (rotationGrace.isNegative()) {
            throw new IllegalArgumentException("rotation grace " + rotationGrace + " is negative: use zero or more");
        }
        this.file = file.toAbsolutePath().normalize();
        this.id = "tail:" + this.file;
        this.rotationGrace = rotationGrace;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int poll(InputConsumer consumer) throws IOException {
        int handed = 0;
        for (int step = 0; step < 2 * MAX_UNITS_PER_POLL && handed < MAX_UNITS_PER_POLL; step++) {
            Progress progress = cursor.rotatedPath() == null ? advanceOnFile(consumer) : advanceOnRotated(consumer);
            if (progress == Progress.UNIT) {
                handed++;
            } else if (progress == Progress.IDLE) {
                break;
            }
        }
        return handed;
    }

    private Progress advanceOnFile(InputConsumer consumer) throws IOException {
        boolean exists;
        try (FileChannel channel = openIfExists(file)) {
            exists = channel != null;
            if (exists && channel.size() >= cursor.offset() && startsWithFingerprint(channel)) {
                return readLines(channel, file, consumer);
            }
        }
        Path rotated = findRotated();
        if (rotated != null) {
            LOG.info("{} was rotated; finishing {} from line {} before reading the new file", file, rotated,
                    cursor.line() + 1);
            cursor = cursor.at(rotated);
            return Progress.MOVED;
        }
        if (!exists) {
            return Progress.IDLE;
        }
        if (cursor.offset() > 0) {
            LOG.warn("{} was truncated or replaced and its previous content was not found among its {}.* siblings;"
                    + " reading the new content from the start. Lines appended to the previous content after line"
                    + " {} were not read: rotate by rename, or keep the copy uncompressed beside the file",
                    file, file.getFileName(), cursor.line());
        }
        cursor = Cursor.START;
        return Progress.MOVED;
    }

    private Progress advanceOnRotated(InputConsumer consumer) throws IOException {
        Path rotated = cursor.rotatedPath();
        try (FileChannel channel = openIfExists(rotated)) {
            if (channel != null && startsWithFingerprint(channel)) {
                Progress progress = readLines(channel, rotated, consumer);
                if (progress != Progress.IDLE || !isSettled(rotated)) {
                    return progress;
                }
                if (channel.size() > cursor.offset()) {
                    return handOutUnterminatedTail(channel, rotated, consumer);
                }
                cursor = startOfNextGeneration(rotated);
                return Progress.MOVED;
            }
        }
        Path movedAgain = findRotated();
        if (movedAgain != null && !movedAgain.equals(rotated)) {
            cursor = cursor.at(movedAgain);
            return Progress.MOVED;
        }
        LOG.warn("Rotated file {} (the previous content of {}) is gone; lines after its line {} were not read:"
                + " keep more rotated files", rotated, file, cursor.line());
        cursor = Cursor.START;
        return Progress.MOVED;
    }

    private Progress readLines(FileChannel channel, Path path, InputConsumer consumer) throws IOException {
        long available = channel.size() - cursor.offset();
        if (available <= 0) {
            return Progress.IDLE;
        }
        byte[] chunk = readAt(channel, cursor.offset(), (int) Math.min(available, MAX_UNIT_BYTES));
        if (!startsWithFingerprint(channel)) {
            return Progress.MOVED;
        }
        int end = lastNewline(chunk) + 1;
        if (end == 0) {
            return chunk.length == MAX_UNIT_BYTES ? skipOverlongLine(channel, path) : Progress.IDLE;
        }
        byte[] content = end == chunk.length ? chunk : Arrays.copyOf(chunk, end);
        return handOut(channel, path, content, countNewlines(content), consumer);
    }

    private Progress handOutUnterminatedTail(FileChannel channel, Path path, InputConsumer consumer)
            throws IOException {
        long length = channel.size() - cursor.offset();
        if (length > MAX_UNIT_BYTES) {
            return skipOverlongLine(channel, path);
        }
        LOG.warn("Rotated file {} ends without a newline; handing out its last {} bytes as line {}", path, length,
                cursor.line() + 1);
        return handOut(channel, path, readAt(channel, cursor.offset(), (int) length), 1, consumer);
    }

    private Progress handOut(FileChannel channel, Path path, byte[] content, long lines, InputConsumer consumer)
            throws IOException {
        Cursor before = cursor;
        cursor = advanced(channel, content.length, lines);
        // At a generation's start, the position before the unit names that generation by its first bytes.
        ObjectNode checkpointBefore = before.offset() == 0
                ? checkpointOf(new Cursor(before.rotatedPath(), cursor.fingerprintLength(), cursor.fingerprint(), 0, 0))
                : checkpointOf(before);
        try {
            consumer.accept(new InputUnit(path.toString(), before.line() + 1, content, checkpointBefore, checkpoint()));
        } catch (IOException | RuntimeException e) {
            cursor = before;
            throw e;
        }
        return Progress.UNIT;
    }

    private Progress skipOverlongLine(FileChannel channel, Path path) throws IOException {
        long position = cursor.offset() + MAX_UNIT_BYTES;
        long size = channel.size();
        while (position < size) {
            byte[] chunk = readAt(channel, position, (int) Math.min(size - position, MAX_UNIT_BYTES));
            int newline = indexOf(chunk, (byte) '\n');
            if (newline >= 0) {
                long length = position + newline + 1 - cursor.offset();
                LOG.warn("Line {} of {} is {} bytes, over the limit of {} bytes; skipped it", cursor.line() + 1,
                        path, length, MAX_UNIT_BYTES);
                cursor = advanced(channel, length, 1);
                return Progress.MOVED;
            }
            position += chunk.length;
        }
        return Progress.IDLE;
    }

    private Cursor advanced(FileChannel channel, long bytes, long lines) throws IOException {
        long offset = cursor.offset() + bytes;
        int fingerprintLength = (int) Math.min(offset, FINGERPRINT_BYTES);
        byte[] fingerprint = fingerprintLength == cursor.fingerprintLength()
                ? cursor.fingerprint()
                : sha256(readAt(channel, 0, fingerprintLength));
        return new Cursor(cursor.rotatedPath(), fingerprintLength, fingerprint, offset, cursor.line() + lines);
    }

    private boolean startsWithFingerprint(FileChannel channel) throws IOException {
        int length = cursor.fingerprintLength();
        if (length == 0) {
            return true;
        }
        byte[] prefix = readAt(channel, 0, length);
        return prefix.length == length && MessageDigest.isEqual(sha256(prefix), cursor.fingerprint());
    }

    /** The sibling {@code file.*} that holds the content read so far, the most recently modified if several. */
    private Path findRotated() throws IOException {
        if (cursor.fingerprintLength() == 0 || file.getParent() == null || !Files.isDirectory(file.getParent())) {
            return null;
        }
        Path found = null;
        FileTime foundModified = null;
        String prefix = file.getFileName() + ".";
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent(),
                sibling -> sibling.getFileName().toString().startsWith(prefix))) {
            for (Path sibling : siblings) {
                try (FileChannel channel = openIfExists(sibling)) {
                    if (channel == null || !Files.isRegularFile(sibling) || !startsWithFingerprint(channel)) {
                        continue;
                    }
                    FileTime modified = Files.getLastModifiedTime(sibling);
                    if (found == null || modified.compareTo(foundModified) > 0) {
                        found = sibling;
                        foundModified = modified;
                    }
                } catch (NoSuchFileException vanished) {
                    // rotated again while listing; the next poll sees where it went
                }
            }
        }
        return found;
    }

    /**
     * Where reading goes after finishing {@code finished}: the start of the {@code file.*} sibling modified
     * least recently after it (a generation rotated away since, such as {@code file.1} when {@code finished} is
     * {@code file.2}), else the start of the tailed file. Rotation renames and copies keep the order in which
     * generations were written, so a restart that resumes in an old generation reads every later one.
     */
    private Cursor startOfNextGeneration(Path finished) throws IOException {
        FileTime after;
        try {
            after = Files.getLastModifiedTime(finished);
        } catch (NoSuchFileException vanished) {
            return Cursor.START;
        }
        Path next = null;
        FileTime nextModified = null;
        String prefix = file.getFileName() + ".";
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent(),
                sibling -> sibling.getFileName().toString().startsWith(prefix))) {
            for (Path sibling : siblings) {
                try {
                    FileTime modified = Files.getLastModifiedTime(sibling);
                    if (!sibling.equals(finished) && Files.isRegularFile(sibling) && modified.compareTo(after) > 0
                            && (next == null || modified.compareTo(nextModified) < 0) && !isGzip(sibling)) {
                        next = sibling;
                        nextModified = modified;
                    }
                } catch (NoSuchFileException vanished) {
                    // rotated again while listing; the tailed file is read next then
                }
            }
        }
        if (next == null) {
            return Cursor.START;
        }
        try (FileChannel channel = openIfExists(next)) {
            if (channel == null) {
                return Cursor.START;
            }
            byte[] head = readAt(channel, 0, (int) Math.min(channel.size(), FINGERPRINT_BYTES));
            LOG.info("Finished {}; reading {}, the next rotated generation of {}, before the file itself", finished,
                    next, file);
            return new Cursor(next, head.length, sha256(head), 0, 0);
        }
    }

    private static boolean isGzip(Path path) throws IOException {
        try (FileChannel channel = openIfExists(path)) {
            byte[] magic = channel == null ? new byte[0] : readAt(channel, 0, 2);
            return magic.length == 2 && magic[0] == (byte) 0x1f && magic[1] == (byte) 0x8b;
        }
    }

    private boolean isSettled(Path rotated) throws IOException {
        try {
            Instant modified = Files.getLastModifiedTime(rotated).toInstant();
            return !modified.plus(rotationGrace).isAfter(Instant.now());
        } catch (NoSuchFileException vanished) {
            return false;
        }
    }

    @Override
    public ObjectNode checkpoint() {
        return checkpointOf(cursor);
    }

    private ObjectNode checkpointOf(Cursor cursor) {
        ObjectNode checkpoint = Checkpoints.forSource(id);
        checkpoint.put("fingerprint", HEX.formatHex(cursor.fingerprint()));
        checkpoint.put("fingerprintLength", cursor.fingerprintLength());
        checkpoint.put("offset", cursor.offset());
        checkpoint.put("line", cursor.line());
        if (cursor.rotatedPath() != null) {
            checkpoint.put("rotatedPath", cursor.rotatedPath().toString());
        }
        return checkpoint;
    }

    @Override
    public void restore(ObjectNode checkpoint) {
        Checkpoints.requireSource(checkpoint, id);
        long offset = Checkpoints.requireNonNegativeLong(checkpoint, "offset", id);
        long line = Checkpoints.requireNonNegativeLong(checkpoint, "line", id);
        long fingerprintLength = Checkpoints.requireNonNegativeLong(checkpoint, "fingerprintLength", id);
        boolean startOfGeneration = offset == 0 && line == 0 && fingerprintLength <= FINGERPRINT_BYTES;
        if (fingerprintLength != Math.min(offset, FINGERPRINT_BYTES) && !startOfGeneration || line > offset) {
            throw new IllegalArgumentException("malformed checkpoint for source '" + id + "': fingerprintLength "
                    + fingerprintLength + ", offset " + offset + " and line " + line + " are inconsistent"
                    + " (fingerprintLength must be min(offset, " + FINGERPRINT_BYTES + "), or at most "
                    + FINGERPRINT_BYTES + " at offset 0, line at most offset)");
        }
        byte[] fingerprint = parseFingerprint(Checkpoints.requireText(checkpoint, "fingerprint", id));
        Path rotated = null;
        JsonNode rotatedPath = checkpoint.get("rotatedPath");
        if (rotatedPath != null) {
            rotated = Path.of(Checkpoints.requireText(checkpoint, "rotatedPath", id));
        }
        cursor = new Cursor(rotated, (int) fingerprintLength, fingerprint, offset, line);
    }

    private byte[] parseFingerprint(String hex) {
        try {
            byte[] fingerprint = HEX.parseHex(hex);
            if (fingerprint.length == EMPTY_FINGERPRINT.length) {
                return fingerprint;
            }
        } catch (IllegalArgumentException notHex) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("malformed checkpoint for source '" + id + "': fingerprint '" + hex
                + "' must be 64 hexadecimal digits (a SHA-256)");
    }

    /** Nothing to release: files are opened only during a poll. */
    @Override
    public void close() {
    }

    private static FileChannel openIfExists(Path path) throws IOException {
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Reads up to {@code length} bytes at {@code position}; fewer if the file is shorter (e.g. just truncated). */
    private static byte[] readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.position() == length ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static long countNewlines(byte[] bytes) {
        long count = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                count++;
            }
        }
        return count;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private enum Progress {
        /** A unit was handed out. */
        UNIT,
        /** The position moved without a unit (another file, a skipped line); try again at once. */
        MOVED,
        /** Nothing more to do until the file changes. */
        IDLE
    }

    /**
     * The read position: in {@code rotatedPath} if set, else in the tailed file. The fingerprint covers
     * the first {@code fingerprintLength = min(offset, FINGERPRINT_BYTES)} bytes, or at offset 0 up to
     * {@code FINGERPRINT_BYTES} (the start of a known generation).
     */
    private record Cursor(Path rotatedPath, int fingerprintLength, byte[] fingerprint, long offset, long line) {

        static final Cursor START = new Cursor(null, 0, EMPTY_FINGERPRINT, 0, 0);

        Cursor at(Path rotated) {
            return new Cursor(rotated, fingerprintLength, fingerprint, offset, line);
        }
    }
}

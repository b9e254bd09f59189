package io.trailwatch.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A directory tree that CloudTrail delivery files land in, such as the target of {@code aws s3 sync}
 * ({@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz}). Each new {@code .json.gz} or
 * {@code .json} file is handed out once, whole, as one {@link InputUnit}.
 *
 * <p><b>What counts as a delivery file.</b> Regular files whose name ends in {@code .json.gz} or
 * {@code .json} and does not start with {@code .}; directories starting with {@code .} are not entered and
 * symbolic links are not followed. So the temporary names download tools write before renaming
 * ({@code x.json.gz.AbCd1234}, {@code .x.json.gz}) are never read.
 *
 * <p><b>Half-written files.</b> A file is read only when two successive polls saw the same size and
 * modification time and that time is at least {@code settle} old. This costs one poll interval of latency
 * (CloudTrail itself delivers minutes late) and is safe even on file systems with coarse timestamps. A
 * writer that stalls longer than that in the middle of a file cannot be told apart from a finished one:
 * write elsewhere and rename into the tree.
 *
 * <p><b>Order.</b> Ready files are handed out by the delivery time in their names
 * ({@link DeliveryFileNames}), then by path relative to the root: a backlog of many accounts and regions
 * (a first sync, a catch-up after an outage) then reaches the rules close to event time rather than one
 * account's whole day after another's. At most {@value #MAX_FILES_PER_POLL} files per poll.
 *
 * <p><b>Scanning cost.</b> Only directories are stat-ed on each poll; a directory is listed again only
 * when its modification time changed (adding, removing or renaming an entry changes it) or is younger than
 * two seconds (a change within the same timestamp tick would otherwise go unseen). The files of unchanged
 * directories come from the cached listing, so a tree of 100k files in a few thousand day directories
 * costs a few thousand {@code stat} calls and an in-memory pass per poll, and contents are never re-read.
 *
 * <p><b>Checkpoint.</b> The set of files already read, with their sizes, grouped by directory:
 * {@code {"source": id, "directories": {"<dir>": {"<name>": size}}}}. Entries of files that no longer exist
 * are pruned. A file whose size differs from the recorded one is read again (with a warning). Restoring an
 * older checkpoint (a smaller set) makes the files read after it new again: that is how the daemon
 * re-reads recent input to rebuild state on restart. Per-directory nodes are shared between successive
 * checkpoints and never modified once handed out, so a checkpoint per unit stays cheap; treat them as
 * read-only.
 */
public final class DeliveryTreeSource implements LiveSource {

    /** How old a file's last modification must be before it is read, unless told otherwise. */
    public static final Duration DEFAULT_SETTLE = Duration.ofMillis(200);

    /** Files larger than this are not read (a warning names them), unless told otherwise. */
    public static final long DEFAULT_MAX_FILE_BYTES = 256L * 1024 * 1024;

    static final int MAX_FILES_PER_POLL = 64;

    private static final Logger LOG = LogManager.getLogger(DeliveryTreeSource.class);
    private static final Duration RACY_DIRECTORY_AGE = Duration.ofSeconds(2);
    private static final String DIRECTORIES = "directories";

    private final Path root;
    private final String id;
    private final Duration settle;
    private final long maxFileBytes;

    private final Map<String, DirectoryListing> listings = new HashMap<>();
    /** Relative directory to {@code {name: size}} of the files read there; copy-on-write. */
    private final TreeMap<String, ObjectNode> readByDirectory = new TreeMap<>();
    private final Map<String, Observation> lastObserved = new HashMap<>();
    private final Map<String, Observation> unreadable = new HashMap<>();
    private boolean rootMissingReported;

    public DeliveryTreeSource(Path root) {
        this(root, DEFAULT_SETTLE, DEFAULT_MAX_FILE_BYTES);
    }

    public DeliveryTreeSource(Path root, Duration settle) {
        this(root, settle, DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * @param root the tree's root; it may not exist yet
     * @param settle how old a file's last modification must be before it is read
     * @param maxFileBytes files larger than this are skipped with a warning and recorded as read
     */
    public DeliveryTreeSource(Path root, Duration settle, long maxFileBytes) {
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle time " + settle + " is negative: use zero or more");
        }
        if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maximum file size " + maxFileBytes
                    + " bytes is out of range: use 1 to " + (Integer.MAX_VALUE - 8));
        }
        this.root = root.toAbsolutePath().normalize();
        this.id = "dir:" + this.root;
        this.settle = settle;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int poll(InputConsumer consumer) throws IOException {
        if (!Files.isDirectory(root)) {
            if (!rootMissingReported) {
                LOG.warn("Delivery tree {} does not exist or is not a directory; waiting for it to appear", root);
                rootMissingReported = true;
            }
            return 0;
        }
        rootMissingReported = false;
        Instant now = Instant.now();
        Set<String> reached = new HashSet<>();
        List<String> candidates = new ArrayList<>();
        scan("", now, reached, candidates);
        forgetVanishedDirectories(reached);
        candidates.sort(DeliveryFileNames.BY_DELIVERY_TIME);
        Set<String> stillCandidates = new HashSet<>(candidates);
        lastObserved.keySet().retainAll(stillCandidates);
        unreadable.keySet().retainAll(stillCandidates);

        int handed = 0;
        for (String file : candidates) {
            if (handed == MAX_FILES_PER_POLL) {
                break;
            }
            if (readIfReady(file, now, consumer)) {
                handed++;
            }
        }
        return handed;
    }

    private void scan(String directory, Instant now, Set<String> reached, List<String> candidates) {
        Path path = resolve(directory);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return;
        }
        if (!attributes.isDirectory()) {
            return;
        }
        reached.add(directory);
        FileTime modified = attributes.lastModifiedTime();
        DirectoryListing listing = listings.get(directory);
        if (listing == null || !listing.modified().equals(modified) || isRecent(modified, now)) {
            listing = list(directory, path, modified);
            listings.put(directory, listing);
            forgetChangedOrVanishedFiles(directory, listing);
        }
        ObjectNode read = readByDirectory.get(directory);
        for (String name : listing.files().keySet()) {
            if (read == null || !read.has(name)) {
                candidates.add(join(directory, name));
            }
        }
        for (String subdirectory : listing.subdirectories()) {
            scan(join(directory, subdirectory), now, reached, candidates);
        }
    }

    private DirectoryListing list(String directory, Path path, FileTime modified) {
        List<String> subdirectories = new ArrayList<>();
        Map<String, Long> files = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException vanished) {
                    continue;
                }
                if (attributes.isDirectory()) {
                    subdirectories.add(name);
                } else if (attributes.isRegularFile() && isDeliveryFileName(name)) {
                    files.put(name, attributes.size());
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list directory {} of delivery tree {} ({}); its files are not read until the "
                    + "directory changes: fix its permissions", directory, root, e.toString());
        }
        Collections.sort(subdirectories);
        return new DirectoryListing(modified, List.copyOf(subdirectories), files);
    }

    private void forgetChangedOrVanishedFiles(String directory, DirectoryListing listing) {
        ObjectNode read = readByDirectory.get(directory);
        if (read == null) {
            return;
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> entries = read.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            Long size = listing.files().get(entry.getKey());
            long recorded = entry.getValue().longValue();
            if (size != null && size == recorded) {
                kept.set(entry.getKey(), entry.getValue());
            } else if (size != null) {
                LOG.warn("Delivery file {} changed size since it was read ({} -> {} bytes); reading it again",
                        resolve(join(directory, entry.getKey())), recorded, size);
            }
        }
        if (kept.size() != read.size()) {
            publish(directory, kept);
        }
    }

    private void forgetVanishedDirectories(Set<String> reached) {
        listings.keySet().retainAll(reached);
        readByDirectory.keySet().retainAll(reached);
    }

    private boolean readIfReady(String file, Instant now, InputConsumer consumer) throws IOException {
        Path path = resolve(file);
        Observation current;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            current = new Observation(attributes.size(), attributes.lastModifiedTime());
        } catch (NoSuchFileException vanished) {
            lastObserved.remove(file);
            return false;
        }
        Observation previous = lastObserved.put(file, current);
        if (!current.equals(previous) || isYoungerThan(current.modified(), settle, now)
                || current.equals(unreadable.get(file))) {
            return false;
        }
        if (current.size() > maxFileBytes) {
            LOG.warn("Delivery file {} is {} bytes, over the limit of {} bytes; skipping it and recording it as "
                    + "read: raise the source's maximum file size to read it", path, current.size(), maxFileBytes);
            markRead(file, current.size());
            lastObserved.remove(file);
            return false;
        }
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException vanished) {
            lastObserved.remove(file);
            return false;
        } catch (IOException e) {
            LOG.warn("Cannot read delivery file {} ({}); retrying when it changes", path, e.toString());
            unreadable.put(file, current);
            return false;
        }
        String directory = directoryOf(file);
        ObjectNode before = readByDirectory.get(directory);
        markRead(file, content.length);
        try {
            consumer.accept(new InputUnit(path.toString(), 1, content, checkpoint()));
        } catch (IOException | RuntimeException e) {
            publish(directory, before);
            throw e;
        }
        lastObserved.remove(file);
        LOG.debug("Read delivery file {} ({} bytes)", path, content.length);
        return true;
    }

    private void markRead(String file, long size) {
        String directory = directoryOf(file);
        ObjectNode before = readByDirectory.get(directory);
        ObjectNode after = before == null ? JsonNodeFactory.instance.objectNode() : before.deepCopy();
        after.put(file.substring(directory.isEmpty() ? 0 : directory.length() + 1), size);
        publish(directory, after);
    }

    private void publish(String directory, ObjectNode read) {
        if (read == null || read.isEmpty()) {
            readByDirectory.remove(directory);
        } else {
            readByDirectory.put(directory, read);
        }
    }

    @Override
    public ObjectNode checkpoint() {
        ObjectNode checkpoint = Checkpoints.forSource(id);
        ObjectNode directories = checkpoint.putObject(DIRECTORIES);
        readByDirectory.forEach(directories::set);
        return checkpoint;
    }

    @Override
    public void restore(ObjectNode checkpoint) {
        Checkpoints.requireSource(checkpoint, id);
        ObjectNode directories = Checkpoints.requireObject(checkpoint, DIRECTORIES, id);
        TreeMap<String, ObjectNode> restored = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = directories.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String directory = entry.getKey();
            requireRelative(directory);
            ObjectNode files = Checkpoints.requireObject(directories, directory, id);
            files.fieldNames().forEachRemaining(name -> Checkpoints.requireNonNegativeLong(files, name, id));
            if (!files.isEmpty()) {
                restored.put(directory, files.deepCopy());
            }
        }
        readByDirectory.clear();
        readByDirectory.putAll(restored);
        listings.clear();
        lastObserved.clear();
        unreadable.clear();
    }

    private void requireRelative(String directory) {
        if (directory.isEmpty()) {
            return;
        }
        for (String segment : directory.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("malformed checkpoint for source '" + id + "': directory '"
                        + directory + "' is not a relative path of the form a/b/c");
            }
        }
    }

    /** Nothing to release: the source holds no open files between polls. */
    @Override
    public void close() {
    }

    private Path resolve(String relative) {
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    private static boolean isDeliveryFileName(String name) {
        return name.endsWith(".json.gz") || name.endsWith(".json");
    }

    private static boolean isRecent(FileTime modified, Instant now) {
        return isYoungerThan(modified, RACY_DIRECTORY_AGE, now);
    }

    private static boolean isYoungerThan(FileTime modified, Duration age, Instant now) {
        return modified.toInstant().plus(age).isAfter(now);
    }

    private static String join(String directory, String name) {
        return directory.isEmpty() ? name : directory + "/" + name;
    }

    private static String directoryOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    private record Observation(long size, FileTime modified) {
    }

    private record DirectoryListing(FileTime modified, List<String> subdirectories, Map<String, Long> files) {
    }
}

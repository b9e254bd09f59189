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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
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
 * costs a few thousand {@code stat} calls per poll, and contents are never re-read. The unread files, sorted
 * by delivery time, are kept from poll to poll until a listing changes, so a backlog (a first start on a tree
 * kept for months) costs each poll only the files it hands out, not a pass over and a sort of all of them.
 *
 * <p><b>Checkpoint.</b> A watermark and the files read at or after it, with their sizes, grouped by
 * directory: {@code {"source": id, "deliveredBefore": "2024-01-04T00:05:00Z", "directories": {"<dir>":
 * {"<name>": size}}}}. {@code deliveredBefore} is the newest delivery time read from this tree minus
 * {@code ignoreOlder}: every file delivered before it was read or ignored, so such files are no longer
 * listed one by one and the checkpoint holds about {@code ignoreOlder} of deliveries however long the tree
 * is kept. It is relative to what was read, not to the wall clock, so a first start on a year-old tree reads
 * all of it, oldest first; a delivery time more than {@link #FUTURE_TOLERANCE} after this machine's clock
 * does not move it (a WARN names the file), nor does a saved watermark beyond what that bound allows. Files
 * without a delivery time in their name (CloudTrail's log and digest files all have one) are always
 * listed. Entries of files that no longer exist are pruned. A file whose size differs from the recorded one
 * is read again (with a warning). Restoring an older checkpoint (a smaller set, a watermark no newer) makes
 * the files read after it new again: that is how the daemon re-reads recent input to rebuild state on
 * restart. A checkpoint without {@code deliveredBefore} (the format before it existed) is read as one whose
 * watermark follows from its newest entry. Per-directory nodes are shared between successive checkpoints and
 * never modified once handed out, so a checkpoint per unit stays cheap; treat them as read-only.
 *
 * <p><b>Files delivered before the watermark.</b> Such a file is not read (its events would be far past any
 * lateness bound). When it appears while the source runs (a late sync, a directory of an account added with
 * its history), or was seen but not yet read when the watermark passed it, one WARN line names it, the
 * watermark, the setting and the fix ({@code trailwatch replay FILE} backfills it), and
 * {@link #ignoredFiles()} counts it, once per file. Files already below the watermark when the source starts
 * or is restored are taken as read or ignored before: one that arrived while nothing ran is not reported.
 *
 * <p><b>Memory.</b> Neither the read set nor the listing cache keeps names below the watermark: a listed
 * directory keeps only their hash codes (4 bytes a file, to tell a file that appears later from one
 * already there; a collision within one directory, about one in a few million, leaves such a file
 * unreported), and a day directory entirely below it is listed again only when it changes.
 */
public final class DeliveryTreeSource implements LiveSource {

    /** How old a file's last modification must be before it is read, unless told otherwise. */
    public static final Duration DEFAULT_SETTLE = Duration.ofMillis(200);

    /** Files larger than this are not read (a warning names them), unless told otherwise. */
    public static final long DEFAULT_MAX_FILE_BYTES = 256L * 1024 * 1024;

    /** How far before the newest delivery time read files are still read, unless told otherwise. */
    public static final Duration DEFAULT_IGNORE_OLDER = Duration.ofDays(1);

    /**
     * How far after this machine's clock a delivery time may be and still move the watermark: CloudTrail
     * names a file when it delivers it, so a later time is a wrong name or a wrong clock.
     */
    public static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    static final int MAX_FILES_PER_POLL = 64;

    private static final Logger LOG = LogManager.getLogger(DeliveryTreeSource.class);
    private static final Duration RACY_DIRECTORY_AGE = Duration.ofSeconds(2);
    private static final String DIRECTORIES = "directories";
    private static final String DELIVERED_BEFORE = "deliveredBefore";
    private static final int[] NO_NAMES = new int[0];

    private final Path root;
    private final String id;
    private final Duration settle;
    private final long maxFileBytes;
    private final Duration ignoreOlder;

    private final Map<String, DirectoryListing> listings = new HashMap<>();
    /** Relative directory to {@code {name: size}} of the files read there; copy-on-write. */
    private final TreeMap<String, ObjectNode> readByDirectory = new TreeMap<>();
    /** Relative directory to the oldest delivery time (sortable) among its read entries that have one. */
    private final Map<String, String> oldestReadByDirectory = new HashMap<>();
    private final Map<String, Observation> lastObserved = new HashMap<>();
    private final Map<String, Observation> unreadable = new HashMap<>();
    private boolean rootMissingReported;
    /** The files to read, by delivery time, from {@link #backlogStart} on; null when it must be built again. */
    private List<Candidate> backlog;
    private int backlogStart;
    private boolean scannedSinceStart;
    private Instant newestRead;
    private Instant watermark;
    /** {@link #watermark} as sortable text; "" while there is none, which no delivery time is below. */
    private String watermarkStamp = "";
    private final AtomicLong ignoredFiles = new AtomicLong();

    public DeliveryTreeSource(Path root) {
        this(root, DEFAULT_SETTLE, DEFAULT_MAX_FILE_BYTES);
    }

    public DeliveryTreeSource(Path root, Duration settle) {
        this(root, settle, DEFAULT_MAX_FILE_BYTES);
    }

    public DeliveryTreeSource(Path root, Duration settle, long maxFileBytes) {
        this(root, settle, maxFileBytes, DEFAULT_IGNORE_OLDER);
    }

    /**
     * @param root the tree's root; it may not exist yet
     * @param settle how old a file's last modification must be before it is read
     * @param maxFileBytes files larger than this are skipped with a warning and recorded as read
     * @param ignoreOlder files delivered this long before the newest delivery time read are not read, and no
     *     longer listed in the checkpoint
     */
    public DeliveryTreeSource(Path root, Duration settle, long maxFileBytes, Duration ignoreOlder) {
        if (ignoreOlder.isNegative() || ignoreOlder.isZero()) {
            throw new IllegalArgumentException("ignoreOlder " + ignoreOlder + " is not positive: use a duration"
                    + " longer than files of this tree arrive apart, such as the default " + DEFAULT_IGNORE_OLDER);
        }
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
        this.ignoreOlder = ignoreOlder;
    }

    /** Files found delivered before the watermark and not read since this source was created, each counted once. */
    public long ignoredFiles() {
        return ignoredFiles.get();
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
        scan("", now, reached);
        scannedSinceStart = true;
        forgetVanishedDirectories(reached);
        if (backlog == null) {
            backlog = candidates();
            backlogStart = 0;
        }

        int handed = 0;
        for (int i = backlogStart; i < backlog.size() && handed < MAX_FILES_PER_POLL; i++) {
            Candidate candidate = backlog.get(i);
            if (!isCandidate(candidate)) {
                if (i == backlogStart) {
                    backlogStart++;
                }
            } else if (readIfReady(candidate.file(), now, consumer)) {
                handed++;
            }
        }
        return handed;
    }

    /**
     * Every listed file not read yet, by delivery time; forgets observations of files that are no longer
     * candidates. Rebuilt only after a listing changed: during a backlog of unchanged directories (a first
     * start on a tree kept for months) a poll then costs its directory checks and the files it hands out,
     * not a pass over, and a sort of, every file of the tree.
     */
    private List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        listings.forEach((directory, listing) -> {
            ObjectNode read = readByDirectory.get(directory);
            int i = 0;
            for (String name : listing.files().keySet()) {
                if (read == null || !read.has(name)) {
                    candidates.add(new Candidate(listing.deliveryKeys()[i], directory, name, join(directory, name)));
                }
                i++;
            }
        });
        candidates.sort(Candidate.BY_DELIVERY_TIME);
        Set<String> files = new HashSet<>(candidates.size() * 2);
        candidates.forEach(c -> files.add(c.file()));
        lastObserved.keySet().retainAll(files);
        unreadable.keySet().retainAll(files);
        return candidates;
    }

    /** Still listed (not vanished, not passed by the watermark) and not read since the backlog was built. */
    private boolean isCandidate(Candidate candidate) {
        DirectoryListing listing = listings.get(candidate.directory());
        ObjectNode read = readByDirectory.get(candidate.directory());
        return listing != null && listing.files().containsKey(candidate.name())
                && (read == null || !read.has(candidate.name()));
    }

    /** The backlog is built again at the next poll: a listing changed, or files became unread again. */
    private void invalidateBacklog() {
        backlog = null;
    }

    /**
     * A file not read yet, with its delivery time as {@link DirectoryListing} keeps it (reading it from the
     * name at every comparison made sorting a backlog of months cost seconds).
     */
    private record Candidate(long deliveryKey, String directory, String name, String file) {
        /** By delivery time (files without one first), then by path. */
        static final Comparator<Candidate> BY_DELIVERY_TIME =
                Comparator.comparingLong(Candidate::deliveryKey).thenComparing(Candidate::file);
    }

    private void scan(String directory, Instant now, Set<String> reached) {
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
        DirectoryListing previous = listings.get(directory);
        DirectoryListing listing = previous;
        if (listing == null || !listing.modified().equals(modified) || isRecent(modified, now)) {
            listing = retire(directory, list(path, modified), previous, previous == null && !scannedSinceStart);
            listings.put(directory, listing);
            forgetChangedOrVanishedFiles(directory, listing);
            invalidateBacklog();
        } else if (isBelowWatermark(listing.oldest())) {
            listing = retire(directory, listing, listing, false);
            listings.put(directory, listing);
        }
        for (String subdirectory : listing.subdirectories()) {
            scan(join(directory, subdirectory), now, reached);
        }
    }

    private DirectoryListing list(Path path, FileTime modified) {
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
                    + "directory changes: fix its permissions", root.relativize(path), root, e.toString());
        }
        Collections.sort(subdirectories);
        return DirectoryListing.of(modified, List.copyOf(subdirectories), files, NO_NAMES);
    }

    /**
     * The listing without the files delivered before the watermark, their names kept as hash codes only.
     * Each such file is reported unless {@code silent}, read, or already below the watermark in
     * {@code previous} (the listing before; may be null).
     */
    private DirectoryListing retire(String directory, DirectoryListing listing, DirectoryListing previous,
                                    boolean silent) {
        if (!isBelowWatermark(listing.oldest())) {
            return listing;
        }
        ObjectNode read = readByDirectory.get(directory);
        Map<String, Long> kept = new TreeMap<>();
        int[] older = Arrays.copyOf(listing.older(), listing.older().length + listing.files().size());
        int count = listing.older().length;
        for (Map.Entry<String, Long> file : listing.files().entrySet()) {
            String name = file.getKey();
            if (!isBelowWatermark(DeliveryFileNames.deliveryTime(name))) {
                kept.put(name, file.getValue());
                continue;
            }
            older[count++] = name.hashCode();
            boolean known = silent || (read != null && read.has(name)) || (previous != null && previous.hasOlder(name));
            if (!known) {
                reportIgnored(join(directory, name));
            }
        }
        older = Arrays.copyOf(older, count);
        Arrays.sort(older);
        return DirectoryListing.of(listing.modified(), listing.subdirectories(), kept, older);
    }

    private void reportIgnored(String file) {
        ignoredFiles.incrementAndGet();
        LOG.warn("Delivery file {} was delivered at {}, before this tree's watermark {} (the newest delivery time read,"
                        + " {}, minus ignoreOlder {}); not reading it: backfill it with `trailwatch replay {}`, or raise"
                        + " the source's ignoreOlder if files arrive this late here", resolve(file),
                DeliveryFileNames.deliveredAt(file), watermark, newestRead == null ? "before the restart" : newestRead,
                ignoreOlder, resolve(file));
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
        if (listings.keySet().retainAll(reached)) {
            invalidateBacklog();
        }
        readByDirectory.keySet().retainAll(reached);
        oldestReadByDirectory.keySet().retainAll(reached);
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
            markRead(file, current.size(), now);
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
        markRead(file, content.length, now);
        try {
            consumer.accept(new InputUnit(path.toString(), 1, content, checkpoint()));
        } catch (IOException | RuntimeException e) {
            unmarkRead(file);
            throw e;
        }
        lastObserved.remove(file);
        LOG.debug("Read delivery file {} ({} bytes)", path, content.length);
        return true;
    }

    /**
     * Records the file as read and moves the watermark up to its delivery time minus {@code ignoreOlder}, unless
     * that time is more than {@link #FUTURE_TOLERANCE} after {@code now}: one misnamed file would otherwise put
     * the watermark in the future and every later file below it. A unit the consumer then rejects is unmarked,
     * but the watermark stays: it is read again, and the files read before it are below the watermark either way.
     */
    private void markRead(String file, long size, Instant now) {
        String directory = directoryOf(file);
        ObjectNode before = readByDirectory.get(directory);
        ObjectNode after = before == null ? JsonNodeFactory.instance.objectNode() : before.deepCopy();
        after.put(nameOf(file, directory), size);
        readByDirectory.put(directory, after);
        String stamp = DeliveryFileNames.deliveryTime(file);
        if (!stamp.isEmpty()) {
            // one file more: the oldest is known without reading every name of the directory again
            oldestReadByDirectory.merge(directory, stamp, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        Instant delivered = DeliveryFileNames.instantOf(stamp);
        if (delivered != null && isFuture(delivered, now)) {
            LOG.warn("Delivery file {} is named with delivery time {}, more than {} after this machine's clock ({});"
                    + " reading it without moving the tree's watermark: fix the file's name or this machine's clock",
                    resolve(file), delivered, FUTURE_TOLERANCE, now);
        } else if (delivered != null && (newestRead == null || delivered.isAfter(newestRead))) {
            newestRead = delivered;
            raiseWatermark(delivered.minus(ignoreOlder));
        }
    }

    private void unmarkRead(String file) {
        invalidateBacklog();
        String directory = directoryOf(file);
        ObjectNode read = readByDirectory.get(directory);
        if (read != null) {
            ObjectNode after = read.deepCopy();
            after.remove(nameOf(file, directory));
            publish(directory, after);
        }
    }

    /** Moves the watermark up (never down) and drops the read entries and cached names below it. */
    private void raiseWatermark(Instant candidate) {
        if (watermark != null && !candidate.isAfter(watermark)) {
            return;
        }
        watermark = candidate;
        watermarkStamp = DeliveryFileNames.sortable(candidate);
        List<String> passed = new ArrayList<>();
        oldestReadByDirectory.forEach((directory, oldest) -> {
            if (isBelowWatermark(oldest)) {
                passed.add(directory);
            }
        });
        for (String directory : passed) {
            DirectoryListing listing = listings.get(directory);
            if (listing != null) {
                listings.put(directory, retire(directory, listing, listing, false));
            }
            publish(directory, withoutBelowWatermark(readByDirectory.get(directory)));
        }
    }

    private ObjectNode withoutBelowWatermark(ObjectNode read) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        read.fields().forEachRemaining(entry -> {
            if (!isBelowWatermark(DeliveryFileNames.deliveryTime(entry.getKey()))) {
                kept.set(entry.getKey(), entry.getValue());
            }
        });
        return kept;
    }

    private void publish(String directory, ObjectNode read) {
        if (read == null || read.isEmpty()) {
            readByDirectory.remove(directory);
            oldestReadByDirectory.remove(directory);
            return;
        }
        readByDirectory.put(directory, read);
        String oldest = null;
        for (Iterator<String> names = read.fieldNames(); names.hasNext(); ) {
            String stamp = DeliveryFileNames.deliveryTime(names.next());
            if (!stamp.isEmpty() && (oldest == null || stamp.compareTo(oldest) < 0)) {
                oldest = stamp;
            }
        }
        if (oldest == null) {
            oldestReadByDirectory.remove(directory);
        } else {
            oldestReadByDirectory.put(directory, oldest);
        }
    }

    private boolean isBelowWatermark(String deliveryTime) {
        return !deliveryTime.isEmpty() && deliveryTime.compareTo(watermarkStamp) < 0;
    }

    @Override
    public ObjectNode checkpoint() {
        ObjectNode checkpoint = Checkpoints.forSource(id);
        if (watermark != null) {
            checkpoint.put(DELIVERED_BEFORE, watermark.toString());
        }
        ObjectNode directories = checkpoint.putObject(DIRECTORIES);
        readByDirectory.forEach(directories::set);
        return checkpoint;
    }

    @Override
    public void restore(ObjectNode checkpoint) {
        Checkpoints.requireSource(checkpoint, id);
        Instant now = Instant.now();
        Instant savedWatermark = checkpoint.has(DELIVERED_BEFORE) ? requireInstant(checkpoint) : null;
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
        oldestReadByDirectory.clear();
        restored.forEach(this::publish);
        listings.clear();
        invalidateBacklog();
        lastObserved.clear();
        unreadable.clear();
        scannedSinceStart = false;
        newestRead = null;
        watermark = null;
        watermarkStamp = "";
        if (savedWatermark != null) {
            Instant latest = now.plus(FUTURE_TOLERANCE).minus(ignoreOlder);
            raiseWatermark(savedWatermark.isAfter(latest) ? latest : savedWatermark);
        }
        restored.forEach((directory, files) -> files.fieldNames().forEachRemaining(name -> {
            Instant delivered = DeliveryFileNames.deliveredAt(name);
            if (delivered != null && !isFuture(delivered, now) && (newestRead == null || delivered.isAfter(newestRead))) {
                newestRead = delivered;
            }
        }));
        if (newestRead != null) {
            raiseWatermark(newestRead.minus(ignoreOlder));
        }
    }

    private Instant requireInstant(ObjectNode checkpoint) {
        String text = Checkpoints.requireText(checkpoint, DELIVERED_BEFORE, id);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Checkpoints.malformed(DELIVERED_BEFORE, "an ISO-8601 instant such as 2024-01-04T00:05:00Z",
                    checkpoint.get(DELIVERED_BEFORE), id);
        }
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

    private static boolean isFuture(Instant delivered, Instant now) {
        return delivered.isAfter(now.plus(FUTURE_TOLERANCE));
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

    private static String nameOf(String file, String directory) {
        return file.substring(directory.isEmpty() ? 0 : directory.length() + 1);
    }

    private static String directoryOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    private record Observation(long size, FileTime modified) {
    }

    /**
     * @param files the delivery files at or above the watermark (or without a delivery time), with sizes
     * @param older the sorted hash codes of the names of those below it
     * @param oldest the oldest delivery time (sortable) among {@code files}, or "" when none has one
     */
    /**
     * A directory as last listed: its files (name to size, in name order) with each one's delivery key
     * ({@link DeliveryFileNames#deliveryKey}) at the same position, the hash codes of the names below the
     * watermark ({@code older}, sorted), and the oldest delivery time among the files ("" when none has one).
     */
    private record DirectoryListing(FileTime modified, List<String> subdirectories, Map<String, Long> files,
                                    long[] deliveryKeys, int[] older, String oldest) {

        static DirectoryListing of(FileTime modified, List<String> subdirectories, Map<String, Long> files, int[] older) {
            long[] keys = new long[files.size()];
            String oldest = "";
            int i = 0;
            for (String name : files.keySet()) {
                String stamp = DeliveryFileNames.deliveryTime(name);
                keys[i++] = DeliveryFileNames.deliveryKey(stamp);
                if (!stamp.isEmpty() && (oldest.isEmpty() || stamp.compareTo(oldest) < 0)) {
                    oldest = stamp;
                }
            }
            return new DirectoryListing(modified, subdirectories, files, keys, older, oldest);
        }

        boolean hasOlder(String name) {
            return Arrays.binarySearch(older, name.hashCode()) >= 0;
        }
    }
}

package io.trailwatch.sink.webhook;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.JsonAlertFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The durable queue in front of a webhook: one JSON file per alert, named {@code <sequence>-<alertId>.json}
 * so that a directory listing gives the sending order and the alert ids. Files are written atomically
 * (temporary file, fsync, rename, fsync of the directory), so a crash leaves either the whole alert or
 * nothing. Alerts the endpoint refused for good are moved to {@code rejected/}, never deleted.
 * Not thread-safe: the owning sink serialises access.
 */
final class WebhookSpool {

    private static final Logger LOG = LogManager.getLogger(WebhookSpool.class);
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{19})-([A-Za-z0-9_-]+)\\.json");
    private static final String TEMP_SUFFIX = ".tmp";
    private static final JsonAlertFormat FORMAT = new JsonAlertFormat();

    /** One spooled alert. */
    record Entry(long sequence, Alert alert, Path file) {}

    private final Path dir;
    private final Path rejectedDir;
    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private final Map<String, Entry> byAlertId = new HashMap<>();
    private long nextSequence;

    WebhookSpool(Path dir) throws IOException {
        this.dir = dir;
        this.rejectedDir = dir.resolve("rejected");
        Files.createDirectories(rejectedDir);
        recover();
    }

    Path dir() {
        return dir;
    }

    int size() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    boolean contains(String alertId) {
        return byAlertId.containsKey(alertId);
    }

    /** Durably adds {@code alert} at the tail; a no-op when an alert with the same id is already spooled. */
    void add(Alert alert) throws IOException {
        if (!FILE_NAME.matcher("0000000000000000000-" + alert.alertId() + ".json").matches()) {
            throw new IOException("alertId '" + alert.alertId() + "' is not a safe file name (expected letters, digits, '-' and '_')");
        }
        if (contains(alert.alertId())) {
            return;
        }
        long sequence = nextSequence;
        Path target = dir.resolve(String.format("%019d-%s.json", sequence, alert.alertId()));
        writeAtomically(target, FORMAT.render(alert) + "\n");
        nextSequence++;
        Entry entry = new Entry(sequence, alert, target);
        entries.put(sequence, entry);
        byAlertId.put(alert.alertId(), entry);
    }

    /** Up to {@code max} oldest entries, in sending order. */
    List<Entry> head(int max) {
        List<Entry> out = new ArrayList<>(Math.min(max, entries.size()));
        for (Entry e : entries.values()) {
            if (out.size() == max) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** Forgets an entry the endpoint accepted. */
    void remove(Entry entry) throws IOException {
        Files.deleteIfExists(entry.file());
        forget(entry);
    }

    /** Moves an entry the endpoint refused for good to {@code rejected/}, where an operator can resend it. */
    void reject(Entry entry) throws IOException {
        Files.move(entry.file(), rejectedDir.resolve(entry.alert().alertId() + ".json"), StandardCopyOption.REPLACE_EXISTING);
        forget(entry);
    }

    private void forget(Entry entry) {
        entries.remove(entry.sequence());
        byAlertId.remove(entry.alert().alertId());
    }

    private void recover() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (Files.isDirectory(file)) {
                    continue;
                }
                recoverFile(file);
            }
        }
        nextSequence = entries.isEmpty() ? 0 : entries.lastKey() + 1;
        if (!entries.isEmpty()) {
            LOG.info("webhook spool {} holds {} alert(s) left by an earlier run; resending them", dir, entries.size());
        }
    }

    private void recoverFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(TEMP_SUFFIX)) {
            LOG.warn("deleting {}: an incomplete spool write from a crash; its deliver() never returned, so the caller still holds that alert", file);
            Files.delete(file);
            return;
        }
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            LOG.warn("ignoring {} in webhook spool {}: not a spool file (expected <sequence>-<alertId>.json)", name, dir);
            return;
        }
        try {
            Alert alert = JsonAlertFormat.parse(Files.readString(file, StandardCharsets.UTF_8));
            Entry entry = new Entry(Long.parseLong(m.group(1)), alert, file);
            if (byAlertId.containsKey(alert.alertId())) {
                Files.delete(file);
                return;
            }
            entries.put(entry.sequence(), entry);
            byAlertId.put(alert.alertId(), entry);
        } catch (IOException | RuntimeException e) {
            Path target = rejectedDir.resolve(name);
            LOG.error("webhook spool file {} is unreadable ({}); moved to {} for an operator to inspect", file, e.toString(), target);
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void writeAtomically(Path target, String content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory();
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {} on this platform: {}", dir, e.toString());
        }
    }
}

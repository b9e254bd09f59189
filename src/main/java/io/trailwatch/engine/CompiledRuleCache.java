package io.trailwatch.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.compiler.client.util.EPCompiledIOUtil;
import com.espertech.esper.runtime.client.util.RuntimeVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.RuleInfo;
import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Compiled rule modules kept on disk between runs, so that a start with unchanged rules deploys the
 * classes Esper's compiler produced last time instead of compiling again (compiling the pack is most of
 * the time a short replay takes).
 *
 * <p>An entry is keyed by everything that decides the compiled classes: the Esper version, the bytes of
 * the classes the rules are compiled against ({@link CloudTrailEvent}, {@link Rule}, the shared
 * configuration), the module's text and the keys of the modules compiled before it. A changed rule, a
 * new Trailwatch build or a new Esper is therefore a miss, never a stale hit. A miss, an unreadable entry
 * or a failed write only costs a compilation: the cache never makes loading fail.
 *
 * <p>Location: the environment variable {@value #ENV} (a directory, or {@code off} to disable), else
 * {@code $XDG_CACHE_HOME/trailwatch/compiled-rules}, else {@code ~/.cache/trailwatch/compiled-rules}, else
 * (no home) none. At most {@value #MAX_ENTRIES} entries are kept; the least recently used go first.
 * Thread-safe: entries are written to a temporary file and moved into place.
 */
final class CompiledRuleCache {

    /** Environment variable naming the cache directory, or {@code off}. */
    static final String ENV = "TRAILWATCH_RULE_CACHE";
    static final int MAX_ENTRIES = 256;
    private static final String SUFFIX = ".jar";
    private static final String INDEX_SUFFIX = ".pack.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LogManager.getLogger(CompiledRuleCache.class);
    private static final CompiledRuleCache DISABLED = new CompiledRuleCache(null);
    private static final String BASE_KEY = baseKey();
    /**
     * What else a pack index depends on: the classes that read and check a pack. A build whose checks
     * changed must check the pack again, not trust an index an older build wrote.
     */
    private static final String INDEX_KEY = fingerprint(BASE_KEY, List.of(RulePackLoader.class, ModuleInspector.class,
            UnboundedPatterns.class, EplText.class, WindowText.class, PackIndex.class, RuleInfo.class, RuleWindows.class));

    private final Path dir;
    private final AtomicInteger hits = new AtomicInteger();

    private CompiledRuleCache(Path dir) {
        this.dir = dir;
    }

    /** The cache at {@code dir}, created on first write. */
    static CompiledRuleCache at(Path dir) {
        return new CompiledRuleCache(dir);
    }

    /** A cache that holds nothing: every lookup compiles. */
    static CompiledRuleCache disabled() {
        return DISABLED;
    }

    /** The cache the environment asks for (see the class comment). */
    static CompiledRuleCache fromEnvironment() {
        return locate(System.getenv(), System.getProperty("user.home"));
    }

    /** The cache {@code env} and the home directory ask for; see the class comment. */
    static CompiledRuleCache locate(Map<String, String> env, String home) {
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            return configured.equalsIgnoreCase("off") ? DISABLED : at(Path.of(configured));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return at(Path.of(xdg, "trailwatch", "compiled-rules"));
        }
        if (home == null || home.isBlank() || home.equals("?")) {
            return DISABLED; // no home to cache in (Java reports "?" when it cannot tell): compile every time
        }
        return at(Path.of(home, ".cache", "trailwatch", "compiled-rules"));
    }

    /** The key of a module compiled after the module whose key is {@code previousKey} (empty for the first). */
    static String key(String previousKey, String moduleText) {
        return sha256(BASE_KEY + '\n' + previousKey + '\n' + moduleText);
    }

    /**
     * The key of the pack made of {@code files} (module files under {@code dir}, in path order): their
     * paths relative to {@code dir} and their bytes, with what every module key depends on.
     */
    static String packKey(Path dir, List<Path> files) throws IOException {
        StringBuilder text = new StringBuilder(INDEX_KEY);
        for (Path file : files) {
            text.append('\n').append(dir.relativize(file)).append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
        }
        return sha256(text.toString());
    }

    /** The index of the pack with {@code key}, or null on a miss (or when it cannot be read). */
    PackIndex getIndex(String key) {
        return read(key + INDEX_SUFFIX, file -> JSON.readValue(file, PackIndex.class), "rule pack index", "loading the pack in full");
    }

    /** Stores the index of a pack that loaded without a problem; a failure is logged and otherwise ignored. */
    void putIndex(String key, PackIndex index) {
        write(key, INDEX_SUFFIX, file -> JSON.writeValue(file, index), "the rule pack index");
    }

    /** The cached classes for {@code key}, or null on a miss (or when the entry cannot be read). */
    EPCompiled get(String key) {
        EPCompiled compiled = read(key + SUFFIX, EPCompiledIOUtil::read, "compiled rule cache entry", "compiling again");
        if (compiled != null) {
            hits.incrementAndGet();
        }
        return compiled;
    }

    /** Stores {@code compiled} under {@code key}; a failure is logged and otherwise ignored. */
    void put(String key, EPCompiled compiled) {
        if (write(key, SUFFIX, file -> EPCompiledIOUtil.write(compiled, file), "the compiled rule cache")) {
            try {
                prune();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Cannot prune the compiled rule cache at {}: {}", dir, e.toString());
            }
        }
    }

    private interface FileReader<T> {
        T read(File file) throws IOException;
    }

    private interface FileWriter {
        void write(File file) throws IOException;
    }

    /** The entry {@code name} as {@code reader} makes it, touched as recently used; null when absent or unreadable. */
    private <T> T read(String name, FileReader<T> reader, String what, String fallback) {
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            T value = reader.read(file.toFile());
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            return value;
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} {} is unreadable, {}: {}", what, file, fallback, e.toString());
            return null;
        }
    }

    /** Writes entry {@code key + suffix} through a temporary file moved into place; false (logged) when it fails. */
    private boolean write(String key, String suffix, FileWriter writer, String what) {
        if (dir == null) {
            return false;
        }
        Path tmp = null;
        try {
            createPrivateDirectory();
            tmp = Files.createTempFile(dir, key, ".tmp");
            writer.write(tmp.toFile());
            Files.move(tmp, dir.resolve(key + suffix), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot write {} at {} (rules still load, in full each time): {}", what, dir, e.toString());
            return false;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file stays; a later prune() removes it
                }
            }
        }
    }

    /** How many lookups found their entry, since this cache was made. */
    int hits() {
        return hits.get();
    }

    /** Where entries are kept, or null when disabled. */
    Path directory() {
        return dir;
    }

    /** Drops an entry whose classes turned out not to deploy. */
    void evict(String key) {
        if (dir != null) {
            hits.decrementAndGet();
            try {
                Files.deleteIfExists(dir.resolve(key + SUFFIX));
            } catch (IOException e) {
                LOG.debug("Cannot remove compiled rule cache entry {}: {}", key, e.toString());
            }
        }
    }

    private void createPrivateDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the directory keeps its default permissions
        }
    }

    /** Keeps the {@value #MAX_ENTRIES} most recently used entries; temporary files of interrupted writes go too. */
    private void prune() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        long staleTemporary = System.currentTimeMillis() - 3_600_000;
        List<Path> entries = files.stream().filter(CompiledRuleCache::isEntry)
                .sorted(Comparator.comparing(CompiledRuleCache::modified).reversed()).toList();
        for (Path stale : entries.subList(Math.min(MAX_ENTRIES, entries.size()), entries.size())) {
            Files.deleteIfExists(stale);
        }
        for (Path file : files) {
            if (!isEntry(file) && modified(file) < staleTemporary) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean isEntry(Path file) {
        String name = file.toString();
        return name.endsWith(SUFFIX) || name.endsWith(INDEX_SUFFIX);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String baseKey() {
        return fingerprint("esper " + RuntimeVersion.RUNTIME_VERSION,
                List.of(CloudTrailEvent.class, Rule.class, Lookback.class, EsperSetup.class, DetectionColumns.class));
    }

    private static String fingerprint(String prefix, List<Class<?>> types) {
        StringBuilder key = new StringBuilder(prefix);
        for (Class<?> type : types) {
            key.append('\n').append(type.getName()).append(' ').append(classFileHash(type));
        }
        return key.toString();
    }

    private static String classFileHash(Class<?> type) {
        String resource = type.getSimpleName() + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file of " + type.getName() + " not found");
            }
            return sha256(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot fingerprint " + type.getName(), e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}

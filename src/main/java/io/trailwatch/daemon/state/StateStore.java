package io.trailwatch.daemon.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.config.FileProblems;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The daemon's durable state: named JSON documents (source checkpoints, delivered alert ids, the
 * watermark, ...), each in {@code <stateDir>/<name>.json}, each saved atomically with {@link AtomicFiles}.
 *
 * <p>Loading never throws, so bad state cannot cause a crash loop. A missing document is empty (logged
 * at INFO: normal on first start). A document that cannot be read or is not a JSON object is moved aside
 * to {@code <name>.json.corrupt-<n>} (the first free {@code n}) for inspection, one WARN line names the
 * file, the problem and the fallback, and the load returns empty: the caller starts that part of its
 * state afresh. Temporary files left by a crash during a save are removed when the store opens.
 *
 * <p>Not thread-safe: use one store from one thread, or synchronise around it.
 */
public final class StateStore {

    private static final Logger LOG = LogManager.getLogger(StateStore.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    private static final String EXTENSION = ".json";

    private final Path directory;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Opens (creating if needed) the state directory.
     *
     * @throws IOException if the directory cannot be created or listed
     */
    public StateStore(Path stateDirectory) throws IOException {
        this.directory = Files.createDirectories(stateDirectory.toAbsolutePath().normalize());
        removeAbandonedTemporaryFiles();
    }

    public Path directory() {
        return directory;
    }

    /** The saved document, or empty if there is none or it was unusable (then moved aside, see above). */
    public Optional<ObjectNode> load(String name) {
        return load(name, "starting without that state");
    }

    /**
     * As {@link #load(String)}; {@code withoutIt} says in the warning about an unusable document what starting
     * without it means for the operator (such as alerts being delivered again).
     */
    public Optional<ObjectNode> load(String name, String withoutIt) {
        Path file = fileOf(name);
        JsonNode document;
        try {
            Optional<byte[]> content = AtomicFiles.read(file);
            if (content.isEmpty()) {
                LOG.info("No saved state '{}' in {}; starting without it (normal on first start)", name, directory);
                return Optional.empty();
            }
            document = mapper.readTree(content.get());
        } catch (JsonProcessingException e) {
            return setAside(file, "is not valid JSON (" + e.getOriginalMessage() + ")", withoutIt);
        } catch (IOException e) {
            return setAside(file, "cannot be read (" + e + ")", withoutIt);
        }
        if (document == null || !document.isObject()) {
            return setAside(file, "is not a JSON object", withoutIt);
        }
        return Optional.of((ObjectNode) document);
    }

    /**
     * Saves the document atomically, replacing the previous one.
     *
     * @throws IOException if it cannot be written (the previous document is then intact), its message naming
     *     the file, the reason and the fix
     */
    public void save(String name, ObjectNode document) throws IOException {
        Path file = fileOf(name);
        try {
            AtomicFiles.write(file, mapper.writeValueAsBytes(document));
        } catch (IOException e) {
            throw new IOException("cannot save state file " + file + " (" + FileProblems.reason(e) + "); the daemon"
                    + " needs the state directory writable, with free space: fix it and restart", e);
        }
    }

    private Optional<ObjectNode> setAside(Path file, String problem, String withoutIt) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-1");
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(file.getFileName() + ".corrupt-" + n);
        }
        try {
            Files.move(file, aside);
            LOG.warn("State file {} {}; moved it to {} and {}", file, problem, aside, withoutIt);
        } catch (IOException e) {
            LOG.warn("State file {} {}; {}, but could not move it aside ({}): remove it by hand", file, problem,
                    withoutIt, e.toString());
        }
        return Optional.empty();
    }

    private Path fileOf(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("state document name '" + name + "' is invalid: use 1 to 100 letters,"
                    + " digits, '-' or '_', starting with a letter or digit");
        }
        return directory.resolve(name + EXTENSION);
    }

    private void removeAbandonedTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, ".*" + AtomicFiles.TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
                LOG.info("Removed {}, left by a save interrupted by a crash", temp);
            }
        }
    }
}

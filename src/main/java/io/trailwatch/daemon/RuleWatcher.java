package io.trailwatch.daemon;

import io.trailwatch.engine.RuleLoadException;
import io.trailwatch.engine.RulePack;
import io.trailwatch.engine.RuleProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Notices changes under the rule directory by polling the size and modification time of its {@code .epl}
 * files, and compiles the changed pack. A pack that does not compile is reported, one ERROR line per problem
 * with its {@code file:line}, and the running rules stay. Used on the feeding thread.
 */
final class RuleWatcher {

    private static final Logger LOG = LogManager.getLogger(RuleWatcher.class);

    private final Path directory;
    private final long intervalNanos;
    private final Runnable onRejected;
    private Map<String, String> seen;
    private long lastCheck = System.nanoTime();

    /** @param onRejected called once per change that does not compile */
    RuleWatcher(Path directory, Duration interval, Runnable onRejected) {
        this.directory = directory;
        this.intervalNanos = interval.toNanos();
        this.onRejected = onRejected;
        this.seen = fingerprint();
    }

    /** A newly compiled pack when the rule files changed since the last check and compile; else empty. */
    Optional<RulePack> check() {
        long now = System.nanoTime();
        if (now - lastCheck < intervalNanos) {
            return Optional.empty();
        }
        lastCheck = now;
        Map<String, String> current = fingerprint();
        if (current.equals(seen)) {
            return Optional.empty();
        }
        seen = current;
        LOG.info("Rule files under {} changed; compiling them", directory);
        try {
            return Optional.of(RulePack.load(directory));
        } catch (RuleLoadException e) {
            for (RuleProblem problem : e.problems()) {
                LOG.error("Rule reload rejected, the running rules stay: {}", problem);
            }
            onRejected.run();
            return Optional.empty();
        }
    }

    private Map<String, String> fingerprint() {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(p -> p.toString().endsWith(".epl")).forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    files.put(p.toString(), a.size() + "@" + a.lastModifiedTime().toMillis());
                } catch (IOException vanished) {
                    files.remove(p.toString());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot list rule directory {} ({}); checking again in a moment", directory, e.toString());
            return seen;
        }
        return files;
    }
}

package io.trailwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one-file replay child started as on a first run: the rules compiled, not read from the compiled-rule
 * cache ({@code TRAILWATCH_RULE_CACHE} points at a directory emptied before every run), and no class-data
 * archive ({@code TRAILWATCH_CDS=off}). Against the warm one-file child it shows what those two caches save.
 */
final class ColdReplayChild {

    private final Path ruleCache;
    private final ReplayChild child;

    ColdReplayChild(Path launcher, String xmx, int threads, Path rules, Path dataFile, Path workDir, Path suppression) {
        ruleCache = workDir.resolve("rule-cache");
        child = new ReplayChild(launcher, xmx, threads, rules, dataFile, workDir, suppression,
                Map.of("TRAILWATCH_RULE_CACHE", ruleCache.toString(), "TRAILWATCH_CDS", "off"));
    }

    /** The child it runs, for its command and environment. */
    ReplayChild child() {
        return child;
    }

    ReplayChild.Run run() throws IOException, InterruptedException {
        emptyRuleCache();
        return child.run();
    }

    private void emptyRuleCache() throws IOException {
        if (Files.exists(ruleCache)) {
            try (Stream<Path> walk = Files.walk(ruleCache)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(ruleCache);
    }
}

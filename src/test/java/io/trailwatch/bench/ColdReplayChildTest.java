package io.trailwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ColdReplayChildTest {

    @TempDir
    Path dir;

    @Test
    void startsWithoutClassDataArchiveAndWithItsOwnRuleCache() {
        Path work = dir.resolve("startup-cold");
        ReplayChild child = new ColdReplayChild(Path.of("/opt/trailwatch/trailwatch"), "512m", 2, Path.of("epl"),
                Path.of("one.json.gz"), work, null).child();
        assertEquals("/opt/trailwatch/trailwatch", child.command().get(0));
        assertEquals(Map.of("JAVA_OPTS", "-Xmx512m", "TRAILWATCH_CDS", "off",
                "TRAILWATCH_RULE_CACHE", work.resolve("rule-cache").toString()), child.environment());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void everyRunFindsTheRuleCacheEmpty() throws Exception {
        Path work = dir.resolve("startup-cold");
        Files.createDirectories(work.resolve("rule-cache").resolve("nested"));
        Files.writeString(work.resolve("rule-cache").resolve("nested").resolve("left-over.jar"), "x");
        ColdReplayChild cold = new ColdReplayChild(FakeLauncher.write(dir), "256m", 1, Path.of("epl"),
                Path.of("one.json.gz"), work, null);
        for (int run = 1; run <= 2; run++) {
            // the fake launcher adds an entry each time, as the real one fills the cache
            assertEquals(7, cold.run().records());
            List<String> environment = Files.readAllLines(work.resolve("env.txt"));
            assertTrue(environment.contains("cachedEntries=0"), "run " + run + ": " + environment);
            assertTrue(environment.contains("TRAILWATCH_CDS=off"), environment.toString());
            assertTrue(environment.contains("JAVA_OPTS=-Xmx256m"), environment.toString());
        }
    }
}

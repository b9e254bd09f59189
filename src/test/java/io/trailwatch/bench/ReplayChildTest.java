package io.trailwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ReplayChildTest {

    @TempDir
    Path dir;

    private ReplayChild child(Path launcher, Map<String, String> extraEnvironment) {
        return new ReplayChild(launcher, "512m", 2, Path.of("epl"), Path.of("data"), dir.resolve("work"), null,
                extraEnvironment);
    }

    @Test
    void runsTheLauncherLikeAUserWithTheHeapInJavaOpts() {
        ReplayChild child = child(Path.of("/opt/trailwatch/trailwatch"), Map.of());
        List<String> command = child.command();
        assertEquals(List.of("/opt/trailwatch/trailwatch", "replay"), command.subList(0, 2), command.toString());
        assertEquals("data", command.get(command.size() - 1));
        assertTrue(command.containsAll(List.of("--rules", "--format", "json", "--max-lateness", "15m", "--quiet")),
                command.toString());
        assertFalse(command.contains("-jar"), command.toString());
        assertFalse(command.contains("--config"), "no suppression given: " + command);
        assertEquals(Map.of("JAVA_OPTS", "-Xmx512m"), child.environment());
        assertTrue(child.commandLine().startsWith("JAVA_OPTS=-Xmx512m /opt/trailwatch/trailwatch replay --rules epl"),
                child.commandLine());
    }

    @Test
    void appliesTheDataSetsSuppressionConfigBeforeTheData() {
        List<String> command = new ReplayChild(Path.of("trailwatch"), "512m", 2, Path.of("epl"), Path.of("data"),
                dir.resolve("work"), Path.of("data/suppression.json"), Map.of()).command();
        assertEquals(List.of("--config", "data/suppression.json", "data"), command.subList(command.size() - 3,
                command.size()));
    }

    @Test
    void addsTheExtraEnvironmentAfterJavaOpts() {
        ReplayChild child = child(Path.of("trailwatch"), Map.of("TRAILWATCH_CDS", "off"));
        assertEquals(Map.of("JAVA_OPTS", "-Xmx512m", "TRAILWATCH_CDS", "off"), child.environment());
        assertTrue(child.commandLine().startsWith("JAVA_OPTS=-Xmx512m TRAILWATCH_CDS=off trailwatch replay "),
                child.commandLine());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theChildProcessGetsTheArgumentsAndEnvironmentAndItsStatsAreRead() throws Exception {
        Path launcher = FakeLauncher.write(dir);
        ReplayChild.Run run = child(launcher, Map.of("TRAILWATCH_CDS", "off")).run();
        assertEquals(7, run.records());
        assertEquals(1, run.alerts());
        Path work = dir.resolve("work");
        List<String> command = child(launcher, Map.of()).command();
        assertEquals(command.subList(1, command.size()), Files.readAllLines(work.resolve("args.txt")));
        List<String> environment = Files.readAllLines(work.resolve("env.txt"));
        assertTrue(environment.contains("JAVA_OPTS=-Xmx512m"), environment.toString());
        assertTrue(environment.contains("TRAILWATCH_CDS=off"), environment.toString());
    }
}

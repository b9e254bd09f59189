package io.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void aMissingLauncherIsOneUsageLineNamingThePathAndTheFix() {
        Path missing = dir.resolve("nowhere").resolve("trailwatch");
        CliRun run = CliRun.of("bench", "--launcher", missing.toString(), "--dir", dir.resolve("data").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(missing + " does not exist (pass the path of the trailwatch launcher script)"),
                run.err());
        assertTrue(Files.notExists(dir.resolve("data")), "nothing is generated before the options are checked");
    }

    @Test
    void anOutDirectoryThatCannotBeCreatedFailsBeforeAnyDataIsGenerated() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "in the way");
        CliRun run = CliRun.of("bench", "--launcher", "trailwatch", "--dir", dir.resolve("data").toString(),
                "--out", file.resolve("out").toString());

        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("trailwatch bench: " + file.resolve("out") + ": "), run.err());
        assertTrue(Files.notExists(dir.resolve("data")), "nothing is generated before --out is known to work");
    }

    @Test
    void theJarOptionIsGone() {
        CliRun run = CliRun.of("bench", "--jar", "target/trailwatch.jar");
        assertEquals(ExitCode.USAGE, run.exit(), run.err());
        assertTrue(run.err().contains("--jar"), run.err());
    }
}

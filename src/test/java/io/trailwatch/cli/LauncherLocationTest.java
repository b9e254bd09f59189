package io.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class LauncherLocationTest {

    @TempDir
    Path home;

    @Test
    void defaultsToTheInstallationsLauncherWhenItIsThere() throws Exception {
        Files.writeString(home.resolve("trailwatch"), "#!/bin/sh\n");
        assertEquals(home.resolve("trailwatch"), LauncherLocation.defaultFor(home.toString()));
    }

    @Test
    void defaultsToTheWorkingDirectoryWithoutAnInstallationOrWhenItHasNoLauncher() {
        assertEquals(Path.of(".", "trailwatch"), LauncherLocation.defaultFor(null));
        assertEquals(Path.of(".", "trailwatch"), LauncherLocation.defaultFor(home.toString()));
    }

    @Test
    void resolvesToAnAbsolutePathSoThatPathIsNeverSearched() throws Exception {
        Path resolved = LauncherLocation.resolve("trailwatch");
        assertTrue(resolved.isAbsolute(), resolved.toString());
        assertEquals(Path.of("trailwatch").toAbsolutePath(), resolved);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aLauncherThatCannotRunIsAUsageErrorWithTheFix() throws Exception {
        Path launcher = Files.writeString(home.resolve("trailwatch"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rw-r--r--"));
        UsageException e = assertThrows(UsageException.class, () -> LauncherLocation.resolve(launcher.toString()));
        assertEquals("--launcher: " + launcher + " is not executable (chmod +x " + launcher + ")", e.getMessage());
    }
}

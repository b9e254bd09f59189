package io.trailwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code trailwatch} launcher script the benchmark's replay child runs when {@code --launcher} is not
 * given: the one of the installation when the launcher passed {@code -Dtrailwatch.home} and it is there,
 * else {@code ./trailwatch}.
 */
final class LauncherLocation {

    static final String NAME = "trailwatch";

    private LauncherLocation() {}

    /**
     * @param option the {@code --launcher} value, or {@code null} for the default
     * @return the launcher as an absolute path (a bare name would otherwise be looked up on {@code PATH})
     * @throws UsageException if it is not an executable file
     */
    static Path resolve(String option) throws UsageException {
        Path launcher = option != null ? Path.of(option) : defaultFor(System.getProperty("trailwatch.home"));
        String fix = option != null ? "pass the path of the trailwatch launcher script"
                : "run bench from the Trailwatch directory or pass --launcher FILE";
        if (!Files.isRegularFile(launcher)) {
            throw new UsageException("--launcher: " + launcher + " does not exist (" + fix + ")");
        }
        if (!Files.isExecutable(launcher)) {
            throw new UsageException("--launcher: " + launcher + " is not executable (chmod +x " + launcher + ")");
        }
        return launcher.toAbsolutePath().normalize();
    }

    /** {@code <home>/trailwatch} if {@code home} is set and holds it, else {@code ./trailwatch}. */
    static Path defaultFor(String home) {
        if (home != null && Files.isRegularFile(Path.of(home, NAME))) {
            return Path.of(home, NAME);
        }
        return Path.of(".", NAME);
    }
}

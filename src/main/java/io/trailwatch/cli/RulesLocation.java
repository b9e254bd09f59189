package io.trailwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where rules are when {@code --rules} is not given: {@code ./epl} if present, else the {@code epl}
 * directory of the installation (the launcher passes {@code -Dtrailwatch.home}).
 */
final class RulesLocation {

    private RulesLocation() {}

    static Path resolve(String option) throws UsageException {
        if (option != null) {
            Path dir = Path.of(option);
            if (!Files.isDirectory(dir)) {
                throw new UsageException("--rules: " + option + " is not a directory (point it at a folder of .epl files)");
            }
            return dir;
        }
        Path local = Path.of("epl");
        if (Files.isDirectory(local)) {
            return local;
        }
        String home = System.getProperty("trailwatch.home");
        if (home != null && Files.isDirectory(Path.of(home, "epl"))) {
            return Path.of(home, "epl");
        }
        throw new UsageException("no rules: ./epl does not exist (pass --rules DIR)");
    }
}

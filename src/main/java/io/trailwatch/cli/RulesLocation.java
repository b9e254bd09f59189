package io.trailwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where rules are when {@code --rules} is not given: {@code ./epl} if present, else the {@code epl}
 * directory of the installation (the launcher passes {@code -Dtrailwatch.home}).
 */
final class RulesLocation {

    private RulesLocation() {}

    /** The {@code --rules} option's directory, else the default one. */
    static Path resolve(String option) throws UsageException {
        return resolve(option, "--rules");
    }

    /**
     * @param given the directory the user named, or null for the default
     * @param what  how the user named it, for the message: {@code --rules} or the argument's name
     */
    static Path resolve(String given, String what) throws UsageException {
        if (given != null) {
            Path dir = Path.of(given);
            if (!Files.isDirectory(dir)) {
                throw new UsageException(what + ": " + given + " is not a directory (point it at a folder of .epl files)");
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
        throw new UsageException("no rules: ./epl does not exist (" + (what.startsWith("--") ? "pass " + what + " DIR"
                : "give the rules directory as " + what) + ")");
    }
}

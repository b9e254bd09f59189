package io.trailwatch.cli;

import java.nio.file.Path;
import java.util.List;

/** The rules directory given as a command's first positional argument, else the default location. */
final class RulesArgument {

    private RulesArgument() {}

    static Path resolve(List<String> args) throws UsageException {
        return RulesLocation.resolve(args.isEmpty() ? null : args.get(0), "RULES_DIR");
    }
}

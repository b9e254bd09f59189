package io.trailwatch.engine;

import com.espertech.esper.common.client.EPCompiled;
import io.trailwatch.alert.RuleInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A compiled, validated set of rule modules, loaded from a directory: every {@code *.epl} file below it,
 * recursively, in path order, then ordered by their {@code uses} declarations. One module is one rule:
 * its alerting statement carries {@code @Name} (the rule id, equal to the file name without {@code .epl}),
 * {@code @Description} and {@link Rule @Rule}, and inserts into {@code Detection}; its other statements
 * are helpers. Immutable; one pack can feed any number of {@link DetectionEngine}s.
 */
public final class RulePack {

    private final Path directory;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> rulesById;
    private final Map<String, RuleWindows> windowsById;
    private final Duration longestWindow;
    private final Duration longestLookback;
    private final List<RuleModule> modules;
    private final EPCompiled detectionListener;

    RulePack(Path directory, List<LoadedRule> loaded, List<RuleModule> modules, EPCompiled detectionListener) {
        this.directory = directory;
        this.rules = loaded.stream().map(LoadedRule::info)
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
        this.rulesById = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::id, Function.identity()));
        this.windowsById = loaded.stream().collect(Collectors.toUnmodifiableMap(r -> r.info().id(), LoadedRule::windows));
        this.longestWindow = loaded.stream().map(r -> r.windows().window()).max(Duration::compareTo).orElse(Duration.ZERO);
        this.longestLookback = loaded.stream().map(r -> r.windows().lookback()).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        this.modules = List.copyOf(modules);
        this.detectionListener = detectionListener;
    }

    /** A rule, the time spans it reaches over and the line its alerting statement starts on. */
    record LoadedRule(RuleInfo info, RuleWindows windows, int line) {}

    /**
     * Reads, compiles and validates every module under {@code dir}. Compiled modules are cached on disk
     * between runs (see {@code CompiledRuleCache}: {@code TRAILWATCH_RULE_CACHE} names the directory, or
     * {@code off}); a module whose text or whose Trailwatch or Esper version changed is compiled again.
     *
     * @throws RuleLoadException with every problem found (compile errors, missing or invalid metadata,
     *                           duplicate ids, ids not matching file names), each with its file and line
     */
    public static RulePack load(Path dir) throws RuleLoadException {
        return load(dir, CompiledRuleCache.fromEnvironment());
    }

    static RulePack load(Path dir, CompiledRuleCache cache) throws RuleLoadException {
        return new RulePackLoader(dir, cache).load();
    }

    /** The rules (alerting statements), sorted by id. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** The longest {@code window} any rule declares: how far past the last event a replay must run. */
    public Duration longestWindow() {
        return longestWindow;
    }

    /**
     * The longest lookback of any rule (see {@link RuleWindows}): how much input a restarted daemon re-reads to
     * rebuild every rule's state, that of the base modules they use included. At least {@link #longestWindow()}.
     */
    public Duration longestLookback() {
        return longestLookback;
    }

    /** The windows of the rule {@code id}, one of {@link #rules()}. */
    public RuleWindows windows(String id) {
        return windowsById.get(id);
    }

    /** The directory the pack was loaded from. */
    public Path directory() {
        return directory;
    }

    RuleInfo rule(String id) {
        return rulesById.get(id);
    }

    /** Compiled modules in deployment order. */
    List<RuleModule> modules() {
        return modules;
    }

    /** The one statement that listens: {@code select * from Detection}. */
    EPCompiled detectionListener() {
        return detectionListener;
    }
}

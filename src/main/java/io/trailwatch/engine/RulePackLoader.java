package io.trailwatch.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.module.Module;
import com.espertech.esper.common.client.module.ModuleItem;
import com.espertech.esper.common.client.module.ModuleOrderException;
import com.espertech.esper.common.client.module.ModuleOrderOptions;
import com.espertech.esper.common.client.module.ModuleOrderUtil;
import com.espertech.esper.common.client.module.ParseException;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompileExceptionItem;
import com.espertech.esper.compiler.client.EPCompiler;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Loads a {@link RulePack}: compiles each module against a scratch runtime holding the modules before it
 * (so modules can share {@code @public} windows and types), deploys it there to read its statements'
 * annotations, and collects every problem instead of stopping at the first.
 */
final class RulePackLoader {

    private static final Logger LOG = LogManager.getLogger(RulePackLoader.class);
    private static final AtomicLong SCRATCH_RUNTIMES = new AtomicLong();
    private static final Pattern RELATIVE_LINE = Pattern.compile(" at line (\\d+)");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\s]+)'");
    private static final Pattern RULE_ATTRIBUTE = Pattern.compile(
            "Annotation 'Rule' (?:does not have an|requires a value for) attribute '(\\w+)'");
    private static final List<String> RULE_ATTRIBUTES = Arrays.stream(Rule.class.getDeclaredMethods())
            .map(Method::getName).sorted().toList();
    private static final String LISTENER_EPL = "@Name('trailwatch-detections') select * from " + EsperSetup.DETECTION_TYPE;

    private final Path dir;
    private final CompiledRuleCache cache;
    private final Configuration config = EsperSetup.configuration(EngineOptions.defaults());
    private final EPCompiler compiler = EPCompilerProvider.getCompiler();
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Map<Module, Path> files = new IdentityHashMap<>();
    private final Set<String> usedModules = new HashSet<>();
    /** Per named module, the longest lookback of it and of the modules it uses, and the module declaring it. */
    private final Map<String, Reach> reaches = new HashMap<>();

    private String previousKey = "";

    RulePackLoader(Path dir, CompiledRuleCache cache) {
        this.dir = dir;
        this.cache = cache;
    }

    RulePack load() throws RuleLoadException {
        List<Path> paths = modulePaths();
        String packKey = packKey(paths);
        RulePack indexed = packKey == null ? null : fromIndex(cache.getIndex(packKey));
        if (indexed != null) {
            LOG.info("Loaded {} rule(s) from {} module(s) in {} (pack index and compiled modules from the cache in {})",
                    indexed.rules().size(), indexed.modules().size(), dir, cache.directory());
            return indexed;
        }
        List<Module> modules = readModules(paths);
        List<Module> ordered = order(modules);
        List<RuleModule> compiled = new ArrayList<>();
        List<String> compiledKeys = new ArrayList<>();
        List<RulePack.LoadedRule> rules = new ArrayList<>();
        EPCompiled listener;
        String uri = "trailwatch-rules-" + SCRATCH_RUNTIMES.incrementAndGet();
        EPRuntime runtime = EPRuntimeProvider.getRuntime(uri, config);
        try {
            for (Module module : ordered) {
                compileAndInspect(runtime, module, compiled, compiledKeys, rules);
            }
            listener = compileListener();
        } finally {
            runtime.destroy();
        }
        rejectDuplicateIds(rules);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((RuleProblem p) -> p.file().toString()).thenComparingInt(RuleProblem::line));
            throw new RuleLoadException(problems);
        }
        if (packKey != null) {
            cache.putIndex(packKey, index(compiled, compiledKeys, rules));
        }
        LOG.info("Loaded {} rule(s) from {} module(s) in {} ({} of {} compiled modules from the cache{})", rules.size(),
                ordered.size(), dir, cache.hits(), ordered.size() + 1,
                cache.directory() == null ? ", which is off" : " in " + cache.directory());
        return new RulePack(dir, rules, compiled, listener);
    }

    /** How far back a module's state reaches, through the modules it uses, and the module that declares it. */
    private record Reach(Duration lookback, String module) {

        static final Reach NONE = new Reach(Duration.ZERO, null);

        Reach longer(Reach other) {
            return other.lookback.compareTo(lookback) > 0 ? other : this;
        }
    }

    /** How many packs were loaded in full (parsed, compiled or deployed in a scratch runtime), since start. */
    static long fullLoads() {
        return SCRATCH_RUNTIMES.get();
    }

    /** The pack's cache key, or null when the cache is off or a file cannot be read (then it is loaded in full). */
    private String packKey(List<Path> paths) {
        if (cache.directory() == null) {
            return null;
        }
        try {
            return CompiledRuleCache.packKey(dir, paths);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The pack an index describes, or null when there is none or any of its compiled modules is not in the cache. */
    private RulePack fromIndex(PackIndex index) {
        if (index == null) {
            return null;
        }
        List<RuleModule> modules = new ArrayList<>();
        for (PackIndex.Module m : index.modules()) {
            EPCompiled compiled = cache.get(m.key());
            if (compiled == null) {
                return null;
            }
            modules.add(new RuleModule(dir.resolve(m.file()).toString(), m.textHash(), m.base(), compiled));
        }
        EPCompiled listener = cache.get(index.listenerKey());
        if (listener == null) {
            return null;
        }
        List<RulePack.LoadedRule> rules = new ArrayList<>();
        for (PackIndex.Rule r : index.rules()) {
            rules.add(new RulePack.LoadedRule(r.info().withSource(dir.resolve(r.info().source()).toString()),
                    new RuleWindows(Duration.parse(r.window()), Duration.parse(r.lookback()), r.lookbackModule()),
                    r.line()));
        }
        return new RulePack(dir, rules, modules, listener);
    }

    private PackIndex index(List<RuleModule> compiled, List<String> keys, List<RulePack.LoadedRule> rules) {
        List<PackIndex.Module> modules = new ArrayList<>();
        for (int i = 0; i < compiled.size(); i++) {
            RuleModule m = compiled.get(i);
            modules.add(new PackIndex.Module(relative(m.file()), m.textHash(), m.base(), keys.get(i)));
        }
        List<PackIndex.Rule> indexed = rules.stream().map(r -> new PackIndex.Rule(
                r.info().withSource(relative(r.info().source())), r.windows().window().toString(),
                r.windows().lookback().toString(), r.windows().lookbackModule(), r.line())).toList();
        return new PackIndex(modules, indexed, CompiledRuleCache.key("", LISTENER_EPL));
    }

    private String relative(String shown) {
        return dir.relativize(Path.of(shown)).toString();
    }

    private List<Path> modulePaths() throws RuleLoadException {
        if (!Files.isDirectory(dir)) {
            throw new RuleLoadException(List.of(new RuleProblem(dir, 0,
                    "rules directory '" + dir.toAbsolutePath() + "' does not exist or is not a directory (set the rules directory option)")));
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> p.toString().endsWith(".epl") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new RuleLoadException(List.of(new RuleProblem(dir, 0, "cannot list rules directory: " + e.getMessage())));
        }
        if (paths.isEmpty()) {
            throw new RuleLoadException(List.of(new RuleProblem(dir, 0,
                    "rules directory '" + dir.toAbsolutePath() + "' holds no *.epl module (point the rules directory option at the rule pack)")));
        }
        return paths;
    }

    private List<Module> readModules(List<Path> paths) throws RuleLoadException {
        List<Module> modules = new ArrayList<>();
        for (Path path : paths) {
            try {
                Module module = compiler.readModule(path.toFile());
                files.put(module, path);
                modules.add(module);
            } catch (IOException | ParseException e) {
                problems.add(new RuleProblem(path, 1, "cannot read module: " + e.getMessage()));
            }
        }
        if (modules.isEmpty()) {
            throw new RuleLoadException(problems);
        }
        return modules;
    }

    private List<Module> order(List<Module> modules) throws RuleLoadException {
        Set<String> names = new HashSet<>();
        modules.forEach(m -> names.add(m.getName()));
        modules.forEach(m -> usedModules.addAll(m.getUses()));
        for (Module module : modules) {
            for (String used : module.getUses()) {
                if (!names.contains(used)) {
                    int at = module.getModuleText().indexOf(used);
                    problems.add(new RuleProblem(files.get(module), at < 0 ? 1 : lineOf(module.getModuleText(), at),
                            "uses module '" + used + "' but no module under " + dir + " declares 'module " + used + ";'"));
                }
            }
        }
        ModuleOrderOptions options = new ModuleOrderOptions();
        options.setCheckUses(false);
        try {
            return ModuleOrderUtil.getModuleOrder(modules, Set.of(), options).getOrdered();
        } catch (ModuleOrderException e) {
            problems.add(new RuleProblem(files.get(modules.get(0)), 1, "cannot order modules by 'uses': " + e.getMessage()));
            throw new RuleLoadException(problems);
        }
    }

    private void compileAndInspect(EPRuntime runtime, Module module, List<RuleModule> compiled, List<String> compiledKeys,
                                   List<RulePack.LoadedRule> rules) {
        Path file = files.get(module);
        String key = CompiledRuleCache.key(previousKey, module.getModuleText());
        previousKey = key;
        try {
            EPCompiled result = cache.get(key);
            EPDeployment deployment = result == null ? null : deployCached(runtime, key, result);
            if (deployment == null) {
                CompilerArguments args = new CompilerArguments(config);
                args.getPath().add(runtime.getRuntimePath());
                result = compiler.compile(module, args);
                deployment = runtime.getDeploymentService().deploy(result);
                cache.put(key, result);
            }
            compiled.add(new RuleModule(file.toString(), CompiledRuleCache.sha256(module.getModuleText()),
                    usedModules.contains(module.getName()), result));
            compiledKeys.add(key);
            List<ModuleItem> statements = module.getItems().stream().filter(i -> !i.isCommentOnly()).toList();
            ModuleInspector inspector = new ModuleInspector(file, expectedRuleId(file), statements, problems);
            ModuleInspector.Inspection inspection = inspector.inspect(deployment.getStatements(),
                    usedModules.contains(module.getName()));
            Reach reach = reachOf(module, inspection.lookback());
            for (RulePack.LoadedRule rule : inspection.rules()) {
                rules.add(new RulePack.LoadedRule(rule.info(), rule.windows().reaching(reach.lookback(), reach.module()),
                        rule.line()));
            }
        } catch (EPCompileException e) {
            reportCompileErrors(module, file, e);
        } catch (EPDeployException e) {
            problems.add(new RuleProblem(file, 1, "cannot deploy module: " + e.getMessage()));
        }
    }

    /**
     * The module's own lookback or the longest of the modules it uses, whichever is longer; remembered by name for
     * the modules that use this one. Modules come in 'uses' order, so every used module was reached before.
     */
    private Reach reachOf(Module module, Duration ownLookback) {
        Reach reach = ownLookback == null ? Reach.NONE : new Reach(ownLookback, module.getName());
        for (String used : module.getUses()) {
            reach = reach.longer(reaches.getOrDefault(used, Reach.NONE));
        }
        if (module.getName() != null) {
            reaches.put(module.getName(), reach);
        }
        return reach;
    }

    /** Deploys cached classes; null (and the entry evicted) when they do not deploy, so the module is compiled. */
    private EPDeployment deployCached(EPRuntime runtime, String key, EPCompiled cached) {
        try {
            return runtime.getDeploymentService().deploy(cached);
        } catch (EPDeployException | RuntimeException | LinkageError e) {
            LOG.debug("Cached compiled module {} does not deploy, compiling it again: {}", key, e.toString());
            cache.evict(key);
            return null;
        }
    }

    private void reportCompileErrors(Module module, Path file, EPCompileException e) {
        if (e.getItems().isEmpty()) {
            problems.add(new RuleProblem(file, 1, e.getMessage()));
            return;
        }
        for (EPCompileExceptionItem item : e.getItems()) {
            String message = withoutStatementText(item.getMessage(), item.getExpression());
            int line = Math.max(1, item.getLineNumber());
            Matcher relative = RELATIVE_LINE.matcher(message);
            if (relative.find()) {
                line += Integer.parseInt(relative.group(1)) - 1;
                message = relative.replaceFirst(" at");
            } else {
                line = lineInStatement(module, line, namesToLocate(message));
            }
            problems.add(new RuleProblem(file, line, withHint(message)));
        }
    }

    /** Esper's message, with the fix added where Esper's words do not give it. */
    private static String withHint(String message) {
        if (message.contains("column '" + DetectionColumns.EVIDENCE + "'") && message.contains("Object[]")) {
            return message + " (evidence is an array of events: write {e} as evidence for one event, {a, b} for several)";
        }
        if (RULE_ATTRIBUTE.matcher(message).find()) {
            return message + " (@Rule attributes: " + String.join(", ", RULE_ATTRIBUTES) + ")";
        }
        return message;
    }

    /**
     * The names whose place in the statement the message is about: a misspelt {@code @Rule} attribute (else the
     * {@code @Rule} itself, for a missing one), otherwise every name the message quotes, in order.
     */
    private static List<String> namesToLocate(String message) {
        Matcher attribute = RULE_ATTRIBUTE.matcher(message);
        if (attribute.find()) {
            return List.of(attribute.group(1), Rule.class.getSimpleName());
        }
        List<String> names = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        return names;
    }

    /**
     * The file line an error in the statement starting at {@code statementLine} points at. Esper reports
     * the line where the statement's item begins, comments above it included, so the line is narrowed to
     * the first of {@code names} ({@link #namesToLocate}) that the statement holds outside its comments and
     * string literals, else to the statement's first line of content.
     */
    private static int lineInStatement(Module module, int statementLine, List<String> names) {
        String text = module.getModuleText();
        for (ModuleItem item : module.getItems()) {
            if (item.getLineNumber() == statementLine || item.getLineNumberContent() == statementLine) {
                String statement = EplText.codeOnly(text.substring(item.getCharPosStart(), item.getCharPosEnd()));
                for (String name : names) {
                    Matcher word = Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?![\\w])").matcher(statement);
                    if (word.find()) {
                        return lineOf(text, item.getCharPosStart() + word.start());
                    }
                }
                return Math.max(statementLine, item.getLineNumberContent());
            }
        }
        return statementLine;
    }

    private EPCompiled compileListener() {
        String key = CompiledRuleCache.key("", LISTENER_EPL);
        EPCompiled cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            EPCompiled listener = compiler.compile(LISTENER_EPL, new CompilerArguments(config));
            cache.put(key, listener);
            return listener;
        } catch (EPCompileException e) {
            throw new IllegalStateException("the built-in Detection listener does not compile: " + e.getMessage(), e);
        }
    }

    private void rejectDuplicateIds(List<RulePack.LoadedRule> rules) {
        Map<String, String> firstSource = new HashMap<>();
        for (RulePack.LoadedRule rule : rules) {
            String earlier = firstSource.putIfAbsent(rule.info().id(), rule.info().source());
            if (earlier != null) {
                problems.add(new RuleProblem(Path.of(rule.info().source()), rule.line(), "duplicate rule id '" + rule.info().id()
                        + "', already defined in " + earlier + " (rule ids must be unique across the pack: rename one file and its @Name)"));
            }
        }
    }

    private static String withoutStatementText(String message, String expression) {
        String suffix = " [" + expression + "]";
        return expression != null && message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length()) : message;
    }

    private static String expectedRuleId(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".epl".length());
    }

    /** The 1-based line of character {@code offset} in {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

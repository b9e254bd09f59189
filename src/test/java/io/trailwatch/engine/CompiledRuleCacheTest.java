package io.trailwatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.alert.RuleInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledRuleCacheTest {

    private static final String HELPER = "module shared;\n@Lookback('2 hours')\n@public create window Seen#time(2 hours) as CloudTrail;\n"
            + "insert into Seen select * from CloudTrail;\n";
    private static final String RULE = "uses shared;\n@Name('%s')\n@Description('d')\n"
            + "@Rule(title='t', severity='low', techniques={'T1485'}, window='1 minute')\n"
            + "insert into Detection select current_evaluation_context().statementName as ruleId, principal\n"
            + "from CloudTrail(eventName = '%s');\n";

    @TempDir
    Path temp;

    @Test
    void aSecondLoadDeploysTheCachedClassesAndFindsTheSameRules() throws Exception {
        Path rules = pack();
        Path cacheDir = temp.resolve("cache");
        RulePack first = RulePack.load(rules, CompiledRuleCache.at(cacheDir));
        assertEquals(4, entries(cacheDir).size(), "one entry per module (3) and one for the Detection listener");

        Load second = load(rules, cacheDir);

        assertEquals(4, second.hits());
        assertEquals(first.rules().stream().map(RuleInfo::id).toList(), second.pack().rules().stream().map(RuleInfo::id).toList());
        assertEquals(List.of("alert-one", "alert-two"), alerts(second.pack()));
    }

    @Test
    void anUnchangedPackLoadsFromItsIndexWithoutParsingOrInspectingAgain() throws Exception {
        Path rules = pack();
        Path cacheDir = temp.resolve("cache");
        RulePack first = RulePack.load(rules, CompiledRuleCache.at(cacheDir));
        long fullLoads = RulePackLoader.fullLoads();

        RulePack second = RulePack.load(rules, CompiledRuleCache.at(cacheDir));

        assertEquals(fullLoads, RulePackLoader.fullLoads(), "no scratch runtime: the pack came from its index");
        assertEquals(first.rules(), second.rules(), "ids, metadata and sources as the full load found them");
        assertEquals(first.longestWindow(), second.longestWindow());
        assertEquals(new RuleWindows(Duration.ofMinutes(1), Duration.ofHours(2), "shared"), second.windows("alert-one"),
                "the lookback the shared module gives the rule, as the full load found it");
        assertEquals(first.modules().stream().map(RuleModule::key).toList(), second.modules().stream().map(RuleModule::key).toList());
        assertEquals(List.of("alert-one", "alert-two"), alerts(second));

        Files.writeString(rules.resolve("alert-two.epl"), RULE.formatted("alert-two", "Two") + "// edited\n");
        RulePack edited = RulePack.load(rules, CompiledRuleCache.at(cacheDir));
        assertEquals(fullLoads + 1, RulePackLoader.fullLoads(), "an edited file is a new pack, loaded in full");
        assertEquals(List.of("alert-one", "alert-two"), alerts(edited));
    }

    @Test
    void anUnreadableIndexIsLoadedInFullAndWrittenAgain() throws Exception {
        Path rules = pack();
        Path cacheDir = temp.resolve("cache");
        RulePack.load(rules, CompiledRuleCache.at(cacheDir));
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path index : files.filter(f -> f.toString().endsWith(".pack.json")).toList()) {
                Files.writeString(index, "{\"modules\": [");
            }
        }
        long fullLoads = RulePackLoader.fullLoads();

        assertEquals(List.of("alert-one", "alert-two"), alerts(RulePack.load(rules, CompiledRuleCache.at(cacheDir))));
        assertEquals(fullLoads + 1, RulePackLoader.fullLoads());
        RulePack.load(rules, CompiledRuleCache.at(cacheDir));
        assertEquals(fullLoads + 1, RulePackLoader.fullLoads(), "the index was written again");
    }

    @Test
    void aChangedModuleIsCompiledAgainAndSoIsEveryModuleCompiledAfterIt() throws Exception {
        Path rules = pack();
        Path cacheDir = load(rules, temp.resolve("cache")).directory();

        Files.writeString(rules.resolve("a-shared.epl"), HELPER + "// edited\n");
        Load afterEdit = load(rules, cacheDir);

        assertEquals(1, afterEdit.hits(), "only the listener, which depends on no module, is unchanged");
        assertEquals(7, entries(cacheDir).size());
        assertEquals(List.of("alert-one", "alert-two"), alerts(afterEdit.pack()));
    }

    @Test
    void anUnreadableEntryIsCompiledAgainAndRewritten() throws Exception {
        Path rules = pack();
        Path cacheDir = load(rules, temp.resolve("cache")).directory();
        for (Path entry : entries(cacheDir)) {
            Files.writeString(entry, "not a jar");
        }

        Load damaged = load(rules, cacheDir);

        assertEquals(0, damaged.hits());
        assertEquals(List.of("alert-one", "alert-two"), alerts(damaged.pack()));
        assertEquals(4, load(rules, cacheDir).hits(), "the entries were rewritten");
    }

    @Test
    void aDisabledCacheWritesNothingAndAnUnwritableOneDoesNotStopLoading() throws Exception {
        Path rules = pack();
        assertEquals(2, RulePack.load(rules, CompiledRuleCache.disabled()).rules().size());

        Path notADirectory = Files.writeString(temp.resolve("file"), "x");
        assertEquals(2, RulePack.load(rules, CompiledRuleCache.at(notADirectory.resolve("cache"))).rules().size());
        assertFalse(Files.exists(notADirectory.resolve("cache")));
    }

    @Test
    void theEnvironmentChoosesTheDirectoryOrTurnsTheCacheOff() {
        String home = "/home/analyst";
        assertEquals(Path.of("/var/cache/tw"), CompiledRuleCache.locate(Map.of("TRAILWATCH_RULE_CACHE", "/var/cache/tw"), home).directory());
        assertNull(CompiledRuleCache.locate(Map.of("TRAILWATCH_RULE_CACHE", "OFF"), home).directory());
        assertEquals(Path.of("/xdg/trailwatch/compiled-rules"), CompiledRuleCache.locate(Map.of("XDG_CACHE_HOME", "/xdg"), home).directory());
        assertEquals(Path.of(home, ".cache/trailwatch/compiled-rules"), CompiledRuleCache.locate(Map.of(), home).directory());
        assertNull(CompiledRuleCache.locate(Map.of(), "?").directory(), "no home: no cache");
    }

    @Test
    void keysDependOnTheModuleTextAndOnWhatWasCompiledBefore() {
        String first = CompiledRuleCache.key("", "a");
        assertEquals(first, CompiledRuleCache.key("", "a"));
        assertTrue(!first.equals(CompiledRuleCache.key("", "b")) && !first.equals(CompiledRuleCache.key("x", "a")));
    }

    /** A pack loaded through the cache at {@code directory}, and how many of its modules came from it. */
    private record Load(RulePack pack, int hits, Path directory) {}

    private static Load load(Path rules, Path cacheDir) throws RuleLoadException {
        CompiledRuleCache cache = CompiledRuleCache.at(cacheDir);
        return new Load(RulePack.load(rules, cache), cache.hits(), cacheDir);
    }

    private Path pack() throws IOException {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Files.writeString(rules.resolve("a-shared.epl"), HELPER);
        Files.writeString(rules.resolve("alert-one.epl"), RULE.formatted("alert-one", "One"));
        Files.writeString(rules.resolve("alert-two.epl"), RULE.formatted("alert-two", "Two"));
        return rules;
    }

    /** The rule ids the pack raises for one event of each name. */
    private static List<String> alerts(RulePack pack) {
        List<String> ruleIds = new ArrayList<>();
        try (DetectionEngine engine = new DetectionEngine(pack, EngineOptions.defaults(), d -> ruleIds.add(d.rule().id()))) {
            long time = TestEvents.at("2024-01-01T00:00:00Z");
            engine.send(TestEvents.call("One", TestEvents.ADMIN, time).build());
            engine.send(TestEvents.call("Two", TestEvents.ADMIN, time + 1000).build());
            engine.finish();
        }
        return ruleIds;
    }

    private static List<Path> entries(Path cacheDir) throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
    }
}

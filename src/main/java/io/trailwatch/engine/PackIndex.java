package io.trailwatch.engine;

import io.trailwatch.alert.RuleInfo;
import java.util.List;

/**
 * What loading a rule pack found, kept beside its compiled modules so that a start with unchanged rule files
 * deploys them without parsing the modules and inspecting them in a scratch runtime again. Only a pack that
 * loaded without a problem is indexed, and it is keyed by the bytes of every module file and of the classes
 * that load and check a pack (see {@code CompiledRuleCache.packKey}), so an index says exactly what a full
 * load by this build would.
 *
 * @param modules     the modules in deployment order
 * @param rules       the rules, their {@code source} relative to the rules directory
 * @param listenerKey the cache key of the compiled Detection listener
 */
record PackIndex(List<Module> modules, List<Rule> rules, String listenerKey) {

    /**
     * @param file     the module file relative to the rules directory
     * @param textHash SHA-256 of the module text, hex
     * @param base     whether other modules {@code uses} it
     * @param key      the cache key of its compiled classes
     */
    record Module(String file, String textHash, boolean base, String key) {}

    /**
     * @param info           the rule, its {@code source} relative to the rules directory
     * @param window         the {@code @Rule} window, ISO-8601
     * @param lookback       its {@link RuleWindows#lookback()}, ISO-8601
     * @param lookbackModule the used module that sets the lookback, or null
     * @param line           the line its alerting statement starts on
     */
    record Rule(RuleInfo info, String window, String lookback, String lookbackModule, int line) {}
}

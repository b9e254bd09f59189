package io.trailwatch.engine;

import com.espertech.esper.common.client.annotation.Description;
import com.espertech.esper.common.client.annotation.Name;
import com.espertech.esper.common.client.module.ModuleItem;
import com.espertech.esper.runtime.client.EPStatement;
import io.trailwatch.alert.RuleInfo;
import io.trailwatch.alert.Severity;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks the statements of one deployed module and reads the metadata of its alerting statement. */
final class ModuleInspector {

    private static final Pattern TECHNIQUE = Pattern.compile("^(T\\d{4}(\\.\\d{3}|\\.A\\d{3})?|AN\\d{4})$");
    private static final Set<String> MATURITIES = Set.of("experimental", "test", "stable");

    private final Path file;
    private final String expectedId;
    private final List<ModuleItem> items;
    private final List<RuleProblem> problems;

    /**
     * @param file       the module file as shown in problems
     * @param expectedId the rule id the file name demands
     * @param items      the module's statements (comment-only items removed), in deployment order
     * @param problems   where problems are added
     */
    ModuleInspector(Path file, String expectedId, List<ModuleItem> items, List<RuleProblem> problems) {
        this.file = file;
        this.expectedId = expectedId;
        this.items = items;
        this.problems = problems;
    }

    /**
     * What a module holds.
     *
     * @param rules    its rules (at most one in a valid module)
     * @param lookback its {@link Lookback}, the longest when several statements carry one; null when none does
     */
    record Inspection(List<RulePack.LoadedRule> rules, Duration lookback) {}

    /**
     * Reads the module's rules and lookback and checks its statements.
     *
     * @param usedByOthers the module is a base others {@code uses}: it may hold helpers only
     */
    Inspection inspect(EPStatement[] statements, boolean usedByOthers) {
        List<RulePack.LoadedRule> rules = new ArrayList<>();
        Duration lookback = null;
        ModuleItem lookbackItem = null;
        for (int i = 0; i < statements.length; i++) {
            EPStatement statement = statements[i];
            ModuleItem item = i < items.size() ? items.get(i) : null;
            if (item != null) {
                checkPatternsEnd(item);
            }
            Rule rule = annotation(statement, Rule.class);
            boolean intoDetection = EsperSetup.DETECTION_TYPE.equals(statement.getEventType().getName());
            if (rule != null) {
                RulePack.LoadedRule loaded = read(statement, rule, item, intoDetection);
                if (loaded != null) {
                    rules.add(loaded);
                }
            } else if (intoDetection) {
                problem(item, null, "statement inserts into Detection but has no @Rule(...): only the alerting statement "
                        + "may, and it carries @Name, @Description and @Rule (helpers insert into their own streams)");
            }
            Duration declared = lookback(annotation(statement, Lookback.class), item, usedByOthers);
            if (declared != null && (lookback == null || declared.compareTo(lookback) > 0)) {
                lookback = declared;
                lookbackItem = item;
            }
        }
        if (usedByOthers) {
            checkLookbackCoversSpans(lookbackItem, lookback);
        }
        if (rules.isEmpty() && !usedByOthers && problems.stream().noneMatch(p -> p.file().equals(file))) {
            problems.add(new RuleProblem(file, 1, "module has no alerting statement: annotate the statement that "
                    + "inserts into Detection with @Name('" + expectedId + "'), @Description('...') and @Rule(...) "
                    + "(only a module that others 'uses' may hold helpers alone)"));
        }
        return new Inspection(rules, lookback);
    }

    /** The span a {@code @Lookback} declares, or null (with a problem when it is misplaced or not a time period). */
    private Duration lookback(Lookback declared, ModuleItem item, boolean usedByOthers) {
        if (declared == null) {
            return null;
        }
        if (!usedByOthers) {
            problem(item, at("@Lookback"), "@Lookback is for a module that others 'uses'; a rule says how far back it"
                    + " reaches in its @Rule window (remove @Lookback, or lengthen the window)");
            return null;
        }
        try {
            return WindowText.parse(declared.value());
        } catch (IllegalArgumentException e) {
            problem(item, at("@Lookback"), "@Lookback " + e.getMessage());
            return null;
        }
    }

    private RulePack.LoadedRule read(EPStatement statement, Rule rule, ModuleItem item, boolean intoDetection) {
        int before = problems.size();
        Name name = annotation(statement, Name.class);
        Description description = annotation(statement, Description.class);
        if (name == null) {
            problem(item, at("@Rule"), "alerting statement has no @Name: add @Name('" + expectedId + "') (the rule id, equal to the file name)");
        } else if (!expectedId.equals(name.value())) {
            problem(item, at("@Name"), "rule id '" + name.value() + "' does not match the file name: use @Name('" + expectedId
                    + "') or rename the file to " + name.value() + ".epl");
        }
        if (description == null || description.value().isBlank()) {
            problem(item, at("@Rule"), "alerting statement has no @Description('...'): say what the rule detects and why it matters");
        }
        if (!intoDetection) {
            problem(item, at("@Rule"), "alerting statement must 'insert into Detection select ...' (it outputs "
                    + statement.getEventType().getName() + ")");
        }
        if (rule.title().isBlank()) {
            problem(item, at("title"), "@Rule title is empty: give the alert a short human title");
        }
        Severity severity = null;
        try {
            severity = Severity.parse(rule.severity());
        } catch (IllegalArgumentException e) {
            problem(item, at("severity"), "@Rule " + e.getMessage());
        }
        if (rule.techniques().length == 0) {
            problem(item, at("techniques"), "@Rule techniques is empty: list the ATT&CK ids the rule detects, e.g. {'T1485'}");
        }
        for (String technique : rule.techniques()) {
            if (!TECHNIQUE.matcher(technique).matches()) {
                problem(item, Pattern.compile(Pattern.quote("'" + technique + "'")), "@Rule technique '" + technique
                        + "' is not an ATT&CK id (use T1234, T1234.001, T1234.A001 or AN1234)");
            }
        }
        if (!MATURITIES.contains(rule.maturity())) {
            problem(item, at("maturity"), "@Rule maturity '" + rule.maturity() + "' is not one of experimental, test, stable");
        }
        Duration window = null;
        try {
            window = WindowText.parse(rule.window());
        } catch (IllegalArgumentException e) {
            problem(item, at("window"), "@Rule " + e.getMessage());
        }
        if (window != null) {
            checkWindowCoversSpans(item, rule.window(), window);
        }
        if (problems.size() > before) {
            return null;
        }
        RuleInfo info = new RuleInfo(name.value(), rule.title(), description.value(), severity, List.of(rule.techniques()),
                rule.maturity(), List.of(rule.falsePositives()), List.of(rule.references()), file.toString());
        return new RulePack.LoadedRule(info, RuleWindows.of(window), lineOf(item, null));
    }

    private void checkPatternsEnd(ModuleItem item) {
        for (int offset : UnboundedPatterns.everyOffsets(EplText.codeOnly(item.getExpression()))) {
            int line = item.getLineNumber() + RulePackLoader.lineOf(item.getExpression(), offset) - 1;
            problems.add(new RuleProblem(file, line, "'every ... -> ...' pattern with nothing that ends its wait: each"
                    + " start never followed is kept for good, so memory grows with the input (add 'where timer:within(SPAN)'"
                    + " to what follows, with a @Rule window at least as long)"));
        }
    }

    /**
     * The window must be the longest span the module waits or looks back over: a replay runs only that far
     * past its last event and the daemon re-reads only that much input after a restart.
     */
    private void checkWindowCoversSpans(ModuleItem ruleItem, String windowText, Duration window) {
        LongestSpan longest = longestSpan();
        if (longest != null && longest.span().span().compareTo(window) > 0) {
            problem(ruleItem, at("window"), "@Rule window '" + windowText + "' is shorter than " + longest.span().text()
                    + " on line " + longest.line() + ": set window to at least that span (a replay runs only the window past its "
                    + "last event, and a restarted daemon re-reads only that much)");
        }
    }

    /**
     * A base module's lookback must cover every span it writes: a restarted daemon re-reads only the lookback of the
     * rules using it, so state kept longer would come back incomplete.
     */
    private void checkLookbackCoversSpans(ModuleItem lookbackItem, Duration lookback) {
        LongestSpan longest = longestSpan();
        if (longest == null || (lookback != null && longest.span().span().compareTo(lookback) <= 0)) {
            return;
        }
        String fix = " (a restarted daemon re-reads only the lookback of the rules that use this module, so state"
                + " kept longer would come back incomplete)";
        if (lookback == null) {
            problems.add(new RuleProblem(file, longest.line(), "module keeps state for " + longest.span().text()
                    + " but declares no @Lookback: add @Lookback('" + WindowText.format(longest.span().span())
                    + "') to a statement of it" + fix));
        } else {
            problem(lookbackItem, at("@Lookback"), "@Lookback is shorter than " + longest.span().text() + " on line "
                    + longest.line() + ": set it to at least that span" + fix);
        }
    }

    /** The longest span the module writes and the file line it is on. */
    private record LongestSpan(EplText.TimeSpan span, int line) {}

    private LongestSpan longestSpan() {
        ModuleItem longestItem = null;
        EplText.TimeSpan longest = null;
        for (ModuleItem item : items) {
            for (EplText.TimeSpan span : EplText.timeSpans(item.getExpression())) {
                if (longest == null || span.span().compareTo(longest.span()) > 0) {
                    longest = span;
                    longestItem = item;
                }
            }
        }
        return longest == null ? null : new LongestSpan(longest,
                longestItem.getLineNumber() + RulePackLoader.lineOf(longestItem.getExpression(), longest.offset()) - 1);
    }

    private void problem(ModuleItem item, Pattern where, String message) {
        problems.add(new RuleProblem(file, lineOf(item, where), message));
    }

    /** The file line where {@code where} first matches inside the statement, else the statement's first line. */
    private static int lineOf(ModuleItem item, Pattern where) {
        if (item == null) {
            return 1;
        }
        Matcher m = where == null ? null : where.matcher(item.getExpression());
        if (m == null || !m.find()) {
            return item.getLineNumberContent();
        }
        return item.getLineNumber() + RulePackLoader.lineOf(item.getExpression(), m.start()) - 1;
    }

    /** Where an annotation or attribute is written: {@code @Name}, or {@code severity =}. */
    private static Pattern at(String annotationOrAttribute) {
        return Pattern.compile(annotationOrAttribute.startsWith("@")
                ? Pattern.quote(annotationOrAttribute) + "\\b"
                : "\\b" + annotationOrAttribute + "\\s*=");
    }

    private static <A extends Annotation> A annotation(EPStatement statement, Class<A> type) {
        for (Annotation a : statement.getAnnotations()) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }
}

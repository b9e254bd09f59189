package io.trailwatch.engine;

import com.espertech.esper.common.client.hook.condition.BaseCondition;
import com.espertech.esper.common.client.hook.condition.ConditionHandler;
import com.espertech.esper.common.client.hook.condition.ConditionHandlerContext;
import com.espertech.esper.common.client.hook.condition.ConditionHandlerFactory;
import com.espertech.esper.common.client.hook.condition.ConditionHandlerFactoryContext;
import com.espertech.esper.common.client.hook.condition.ConditionMatchRecognizeStatesMax;
import com.espertech.esper.common.client.hook.condition.ConditionPatternRuntimeSubexpressionMax;
import com.espertech.esper.common.client.hook.condition.ConditionPatternSubexpressionMax;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Hears Esper's cap conditions (too many pattern sub-expressions or match-recognize states), which would
 * otherwise silently stop new matches. Esper instantiates this factory by class, so each runtime's counters
 * are found through its runtime URI.
 */
public final class CapHitHandlers implements ConditionHandlerFactory {

    private static final Logger LOG = LogManager.getLogger(CapHitHandlers.class);
    private static final Map<String, Counters> BY_RUNTIME = new ConcurrentHashMap<>();

    /** Cap hits of one runtime. */
    static final class Counters {
        final AtomicLong patternCapHits = new AtomicLong();
        final AtomicLong matchRecognizeCapHits = new AtomicLong();
    }

    static Counters register(String runtimeUri) {
        Counters counters = new Counters();
        BY_RUNTIME.put(runtimeUri, counters);
        return counters;
    }

    static void unregister(String runtimeUri) {
        BY_RUNTIME.remove(runtimeUri);
    }

    @Override
    public ConditionHandler getHandler(ConditionHandlerFactoryContext context) {
        String runtimeUri = context.getRuntimeURI();
        return condition -> record(BY_RUNTIME.get(runtimeUri), condition);
    }

    private static void record(Counters counters, ConditionHandlerContext context) {
        BaseCondition condition = context.getCondition();
        boolean matchRecognize = condition instanceof ConditionMatchRecognizeStatesMax;
        if (counters != null) {
            (matchRecognize ? counters.matchRecognizeCapHits : counters.patternCapHits).incrementAndGet();
        }
        LOG.warn("Rule '{}' hit the runtime cap of {} {}: new partial matches are not started, so detections may be missed "
                        + "(raise EngineOptions.{} or bound the rule's pattern)",
                context.getStatementName(), max(condition),
                matchRecognize ? "match-recognize states" : "pattern sub-expressions",
                matchRecognize ? "maxMatchRecognizeStates" : "maxPatternSubexpressions");
    }

    private static long max(BaseCondition condition) {
        if (condition instanceof ConditionMatchRecognizeStatesMax c) {
            return c.getMax();
        }
        if (condition instanceof ConditionPatternRuntimeSubexpressionMax c) {
            return c.getMax();
        }
        return condition instanceof ConditionPatternSubexpressionMax c ? c.getMax() : -1;
    }
}

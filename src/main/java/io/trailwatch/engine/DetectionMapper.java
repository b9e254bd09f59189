package io.trailwatch.engine;

import com.espertech.esper.common.client.EventBean;
import io.trailwatch.alert.Detection;
import io.trailwatch.alert.RuleInfo;
import io.trailwatch.alert.Severity;
import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Turns one row of the {@code Detection} stream into an {@link Detection}. */
final class DetectionMapper {

    private static final Logger LOG = LogManager.getLogger(DetectionMapper.class);
    private static final Comparator<CloudTrailEvent> EVENT_ORDER =
            Comparator.comparingLong(CloudTrailEvent::getEventTimeMillis).thenComparing(CloudTrailEvent::getEventId);

    private final RulePack pack;

    DetectionMapper(RulePack pack) {
        this.pack = pack;
    }

    /** Returns the detection, or null (logged as an error) when the row names no rule of the pack. */
    Detection map(Map<String, Object> row, long detectedAtMillis) {
        String ruleId = (String) row.get(DetectionColumns.RULE_ID);
        RuleInfo rule = pack.rule(ruleId);
        if (rule == null) {
            LOG.error("Detection names rule '{}', which is not in the pack loaded from {}: the row is lost "
                    + "(the ruleId column must be current_evaluation_context().statementName)", ruleId, pack.directory());
            return null;
        }
        List<CloudTrailEvent> evidence = evidence(row.get(DetectionColumns.EVIDENCE), ruleId);
        CloudTrailEvent first = evidence.isEmpty() ? null : evidence.get(0);
        String principal = (String) row.get(DetectionColumns.PRINCIPAL);
        String accountId = (String) row.get(DetectionColumns.ACCOUNT_ID);
        String summary = (String) row.get(DetectionColumns.SUMMARY);
        return new Detection(rule,
                principal != null || first == null ? principal : first.getPrincipal(),
                accountId != null || first == null ? accountId : first.getAccountId(),
                summary != null ? summary : rule.title(),
                severity(rule, (String) row.get(DetectionColumns.SEVERITY)),
                evidence, detectedAtMillis);
    }

    private static Severity severity(RuleInfo rule, String override) {
        if (override == null) {
            return rule.severity();
        }
        try {
            return Severity.parse(override);
        } catch (IllegalArgumentException e) {
            LOG.warn("Rule '{}' set {}; keeping its default severity {}", rule.id(), e.getMessage(), rule.severity().label());
            return rule.severity();
        }
    }

    /** Flattens nested arrays and lists of events, keeps the first of each eventId, sorts by time then id. */
    static List<CloudTrailEvent> evidence(Object column, String ruleId) {
        Map<String, CloudTrailEvent> byId = new LinkedHashMap<>();
        collect(column, byId, ruleId);
        List<CloudTrailEvent> events = new ArrayList<>(byId.values());
        events.sort(EVENT_ORDER);
        return events;
    }

    private static void collect(Object value, Map<String, CloudTrailEvent> byId, String ruleId) {
        if (value == null) {
            return;
        }
        if (value instanceof CloudTrailEvent event) {
            byId.putIfAbsent(event.getEventId(), event);
        } else if (value instanceof Object[] array) {
            for (Object element : array) {
                collect(element, byId, ruleId);
            }
        } else if (value instanceof Iterable<?> items) {
            items.forEach(element -> collect(element, byId, ruleId));
        } else if (value instanceof EventBean bean) {
            collect(bean.getUnderlying(), byId, ruleId);
        } else {
            LOG.warn("Rule '{}' put a {} into its evidence; only CloudTrail events (or arrays of them) are kept",
                    ruleId, value.getClass().getSimpleName());
        }
    }
}

package io.trailwatch.engine;

import com.espertech.esper.common.client.configuration.Configuration;
import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one Esper configuration every compile and runtime of Trailwatch uses, so compiled rules deploy anywhere. */
final class EsperSetup {

    /** Event type of the records rules read. */
    static final String EVENT_TYPE = "CloudTrail";
    /** The stream every alerting statement inserts into. */
    static final String DETECTION_TYPE = "Detection";

    private EsperSetup() {}

    static Configuration configuration(EngineOptions options) {
        Configuration config = new Configuration();
        config.getCommon().addEventType(EVENT_TYPE, CloudTrailEvent.class);
        config.getCommon().addEventType(DETECTION_TYPE, detectionColumns());
        config.getCommon().addAnnotationImport(Rule.class);
        config.getCommon().addAnnotationImport(Lookback.class);
        config.getRuntime().getThreading().setInternalTimerEnabled(false);
        config.getRuntime().getPatterns().setMaxSubexpressions(options.maxPatternSubexpressions());
        config.getRuntime().getMatchRecognize().setMaxStates(options.maxMatchRecognizeStates());
        config.getRuntime().getConditionHandling().addClass(CapHitHandlers.class);
        return config;
    }

    private static Map<String, Object> detectionColumns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put(DetectionColumns.RULE_ID, String.class);
        columns.put(DetectionColumns.PRINCIPAL, String.class);
        columns.put(DetectionColumns.ACCOUNT_ID, String.class);
        columns.put(DetectionColumns.SUMMARY, String.class);
        columns.put(DetectionColumns.SEVERITY, String.class);
        columns.put(DetectionColumns.EVIDENCE, Object[].class);
        return columns;
    }
}

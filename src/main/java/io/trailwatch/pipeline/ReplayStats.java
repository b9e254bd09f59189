package io.trailwatch.pipeline;

import java.util.Map;
import java.util.TreeMap;

/** Counters of one replay, for the end-of-run summary and for tests. Updated on the feeding thread only. */
public final class ReplayStats {

    long inputs;
    long skippedFiles;
    long unreadableInputs;
    long records;
    long badRecords;
    long duplicates;
    long late;
    long elapsedNanos;
    private final Map<String, long[]> alertsByRule = new TreeMap<>();

    void countAlert(String ruleId, boolean suppressed) {
        alertsByRule.computeIfAbsent(ruleId, k -> new long[2])[suppressed ? 1 : 0]++;
    }

    public long inputs() {
        return inputs;
    }

    public long skippedFiles() {
        return skippedFiles;
    }

    public long unreadableInputs() {
        return unreadableInputs;
    }

    /** Records decoded into events, duplicates included. */
    public long records() {
        return records;
    }

    public long badRecords() {
        return badRecords;
    }

    public long duplicates() {
        return duplicates;
    }

    public long late() {
        return late;
    }

    public long alerts() {
        return alertsByRule.values().stream().mapToLong(c -> c[0]).sum();
    }

    public long suppressedAlerts() {
        return alertsByRule.values().stream().mapToLong(c -> c[1]).sum();
    }

    /** Rule id → {alerts, suppressed alerts}, sorted by rule id. */
    public Map<String, long[]> alertsByRule() {
        return alertsByRule;
    }

    public double seconds() {
        return elapsedNanos / 1e9;
    }

    public double eventsPerSecond() {
        return elapsedNanos == 0 ? 0 : records / seconds();
    }
}

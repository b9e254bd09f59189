package io.trailwatch.generate;

/**
 * A planned change window listed in the ground truth, from which a suppression config can be written: alerts of
 * {@code ruleId} by {@code principal} in {@code accountId} between the two instants are expected and suppressed.
 */
record MaintenanceWindow(String id, String accountId, String principal, String ruleId, long fromMillis, long toMillis,
                         String reason) {

    MaintenanceWindow withId(String newId) {
        return new MaintenanceWindow(newId, accountId, principal, ruleId, fromMillis, toMillis, reason);
    }
}

package io.trailwatch.alert;

import io.trailwatch.config.ConfigException;
import io.trailwatch.config.ConfigFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Suppression settings, read from a YAML or JSON file:
 * <pre>
 * maintenanceWindows:
 *   - principal: "arn:aws:iam::*:role/terraform-*"
 *     account: "123456789012"
 *     start: 2024-01-02T03:00:00Z
 *     end: 2024-01-02T05:00:00Z
 *     ticket: CHG-1234
 *     rules: [iam-user-create-use-delete]
 * allowlist:
 *   - principal: arn:aws:iam::123456789012:role/backup
 *     reason: nightly backup deletes old snapshots
 *     rules: [ebs-snapshot-mass-delete]
 * </pre>
 *
 * @param maintenanceWindows planned changes; empty when absent
 * @param allowlist          allowed automation principals; empty when absent
 */
public record SuppressionConfig(List<MaintenanceWindow> maintenanceWindows, List<AllowlistEntry> allowlist) {

    public SuppressionConfig {
        maintenanceWindows = maintenanceWindows == null ? List.of() : List.copyOf(maintenanceWindows);
        allowlist = allowlist == null ? List.of() : List.copyOf(allowlist);
    }

    /** Suppresses nothing. */
    public static SuppressionConfig none() {
        return new SuppressionConfig(List.of(), List.of());
    }

    /** Reads a suppression file; any mistake is a one-line {@link ConfigException} naming the key and line. */
    public static SuppressionConfig load(Path file) throws ConfigException {
        return ConfigFiles.read(file, SuppressionConfig.class);
    }
}

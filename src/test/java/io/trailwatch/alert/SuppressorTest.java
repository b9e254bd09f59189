package io.trailwatch.alert;

import static io.trailwatch.alert.TestData.ACCOUNT;
import static io.trailwatch.alert.TestData.ALICE;
import static io.trailwatch.alert.TestData.detection;
import static io.trailwatch.alert.TestData.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressorTest {

    private static final String TERRAFORM = "arn:aws:iam::111122223333:role/terraform-prod";
    private static final String TERRAFORM_GLOB = "arn:aws:iam::*:role/terraform-*";

    private static MaintenanceWindow window(String account, String principal, List<String> rules) {
        return new MaintenanceWindow(account, principal, Instant.parse("2024-01-02T03:00:00Z"),
                Instant.parse("2024-01-02T04:00:00Z"), "CHG-42", rules);
    }

    private static Suppressor windows(MaintenanceWindow... windows) {
        return new Suppressor(new SuppressionConfig(List.of(windows), List.of()));
    }

    private static Detection terraformAt(String... times) {
        var events = new io.trailwatch.cloudtrail.CloudTrailEvent[times.length];
        for (int i = 0; i < times.length; i++) {
            events[i] = event("e" + i, times[i], "us-east-1");
        }
        return detection("iam-user-create-use-delete", TERRAFORM, events);
    }

    @Test
    void windowSuppressesWhenAllEvidenceIsInsideByEventTime() {
        Suppression s = windows(window(null, TERRAFORM_GLOB, List.of()))
                .judge(terraformAt("2024-01-02T03:10:00Z", "2024-01-02T03:50:00Z"));

        assertTrue(s.suppressed());
        assertTrue(s.reason().contains("CHG-42"), s.reason());
    }

    @Test
    void windowDoesNotSuppressWhenAnyEvidenceIsOutside() {
        Suppressor suppressor = windows(window(null, TERRAFORM_GLOB, List.of()));

        assertFalse(suppressor.judge(terraformAt("2024-01-02T03:50:00Z", "2024-01-02T04:00:00Z")).suppressed(),
                "end is exclusive");
        assertFalse(suppressor.judge(terraformAt("2024-01-02T02:59:59Z", "2024-01-02T03:10:00Z")).suppressed());
    }

    @Test
    void windowMatchesPrincipalGlobOnly() {
        Suppressor suppressor = windows(window(null, TERRAFORM_GLOB, List.of()));
        Detection alice = detection("r", ALICE, event("a", "2024-01-02T03:10:00Z", "us-east-1"));
        Detection otherTerraformAccount = detection("r", "arn:aws:iam::999:role/terraform-dev",
                event("b", "2024-01-02T03:10:00Z", "us-east-1"));

        assertFalse(suppressor.judge(alice).suppressed());
        assertTrue(suppressor.judge(otherTerraformAccount).suppressed());
    }

    @Test
    void windowRestrictedToAnotherAccountDoesNotApply() {
        Detection d = terraformAt("2024-01-02T03:10:00Z");

        assertFalse(windows(window("999999999999", TERRAFORM_GLOB, List.of())).judge(d).suppressed());
        assertTrue(windows(window(ACCOUNT, TERRAFORM_GLOB, List.of())).judge(d).suppressed());
        assertTrue(windows(window("*", TERRAFORM_GLOB, List.of())).judge(d).suppressed());
    }

    @Test
    void windowRestrictedToRulesAppliesOnlyToThem() {
        Detection d = terraformAt("2024-01-02T03:10:00Z");

        assertFalse(windows(window(null, TERRAFORM_GLOB, List.of("some-other-rule"))).judge(d).suppressed());
        assertTrue(windows(window(null, TERRAFORM_GLOB, List.of("iam-user-create-use-delete"))).judge(d).suppressed());
    }

    @Test
    void allowlistSuppressesMatchingPrincipalWithItsReason() {
        Suppressor suppressor = new Suppressor(new SuppressionConfig(List.of(), List.of(
                new AllowlistEntry("arn:aws:iam::*:role/terraform-*", ACCOUNT, List.of(), "CI pipeline manages IAM"))));

        Suppression s = suppressor.judge(terraformAt("2030-06-01T00:00:00Z"));

        assertTrue(s.suppressed());
        assertTrue(s.reason().contains("CI pipeline manages IAM"), s.reason());
        assertFalse(suppressor.judge(detection("r", ALICE, event("a", "2024-01-02T03:10:00Z", "us-east-1"))).suppressed());
    }

    @Test
    void allowlistRespectsAccountAndRules() {
        Detection d = terraformAt("2024-01-02T03:10:00Z");

        assertFalse(new Suppressor(new SuppressionConfig(List.of(), List.of(
                new AllowlistEntry(TERRAFORM, "999999999999", List.of(), "other account")))).judge(d).suppressed());
        assertFalse(new Suppressor(new SuppressionConfig(List.of(), List.of(
                new AllowlistEntry(TERRAFORM, null, List.of("other-rule"), "other rule")))).judge(d).suppressed());
    }

    @Test
    void userAgentNeverSuppresses() {
        Suppressor suppressor = new Suppressor(new SuppressionConfig(
                List.of(window(null, "*Terraform*", List.of())),
                List.of(new AllowlistEntry("*terraform*", null, List.of(), "matches only user agents"))));
        Detection d = detection("r", ALICE, event("a", "2024-01-02T03:10:00Z", "us-east-1", "Terraform/1.5 terraform-provider-aws"));

        assertFalse(suppressor.judge(d).suppressed());
    }

    @Test
    void suppressedDetectionStillBecomesAnAlertWithTheReason() {
        Suppressor suppressor = windows(window(null, TERRAFORM_GLOB, List.of()));
        Detection d = terraformAt("2024-01-02T03:10:00Z");

        Alert alert = new AlertFactory().create(d, suppressor.judge(d));

        assertTrue(alert.suppressed());
        assertTrue(alert.suppressionReason().startsWith("maintenance window CHG-42"), alert.suppressionReason());
        assertEquals(TERRAFORM, alert.principal());
    }

    @Test
    void emptyConfigSuppressesNothing() {
        assertEquals(Suppression.none(), new Suppressor(SuppressionConfig.none()).judge(terraformAt("2024-01-02T03:10:00Z")));
    }
}

package io.trailwatch.alert;

/**
 * The suppression stage's verdict on one detection. A suppressed detection still becomes an alert,
 * marked with the reason, so an auditor sees what was silenced and why.
 *
 * @param suppressed whether the alert is suppressed
 * @param reason     why (the maintenance window's ticket or the allowlist entry's reason); null when not suppressed
 */
public record Suppression(boolean suppressed, String reason) {

    private static final Suppression NONE = new Suppression(false, null);

    public Suppression {
        if (suppressed && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a suppression needs a reason");
        }
        if (!suppressed) {
            reason = null;
        }
    }

    /** Not suppressed. */
    public static Suppression none() {
        return NONE;
    }

    /** Suppressed for {@code reason}. */
    public static Suppression because(String reason) {
        return new Suppression(true, reason);
    }
}

package io.trailwatch.alert;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.util.List;

/**
 * The single suppression stage: decides, per detection, whether its alert is suppressed and why.
 * Allowlist entries are checked first, then maintenance windows. A window applies only when all the
 * evidence lies inside it by event time, so replaying old logs gives the same verdicts as the live run.
 * Nothing here looks at the user agent: it is chosen by the caller and proves nothing.
 */
public final class Suppressor {

    private final List<Allowed> allowlist;
    private final List<Window> windows;

    public Suppressor(SuppressionConfig config) {
        this.allowlist = config.allowlist().stream().map(Allowed::new).toList();
        this.windows = config.maintenanceWindows().stream().map(Window::new).toList();
    }

    /** The verdict for {@code detection}; {@link Suppression#none()} when no setting matches. */
    public Suppression judge(Detection detection) {
        String ruleId = detection.rule().id();
        for (Allowed a : allowlist) {
            if (a.principal.matches(detection.principal()) && a.account.matches(detection.accountId())
                    && appliesTo(a.entry.rules(), ruleId)) {
                return Suppression.because("allowlisted principal " + a.principal + ": " + a.entry.reason());
            }
        }
        for (Window w : windows) {
            if (w.principal.matches(detection.principal()) && w.account.matches(detection.accountId())
                    && appliesTo(w.window.rules(), ruleId) && w.containsAll(detection)) {
                MaintenanceWindow mw = w.window;
                String ticket = mw.ticket() == null || mw.ticket().isBlank() ? "" : mw.ticket() + " ";
                return Suppression.because("maintenance window " + ticket + "(" + mw.start() + " to " + mw.end() + ")");
            }
        }
        return Suppression.none();
    }

    private static boolean appliesTo(List<String> rules, String ruleId) {
        return rules.isEmpty() || rules.contains(ruleId);
    }

    private record Allowed(AllowlistEntry entry, PrincipalPattern principal, PrincipalPattern account) {
        Allowed(AllowlistEntry entry) {
            this(entry, PrincipalPattern.of(entry.principal()), PrincipalPattern.anyIfAbsent(entry.account()));
        }
    }

    private record Window(MaintenanceWindow window, PrincipalPattern principal, PrincipalPattern account,
                          long startMillis, long endMillis) {
        Window(MaintenanceWindow window) {
            this(window, PrincipalPattern.of(window.principal()), PrincipalPattern.anyIfAbsent(window.account()),
                    window.start().toEpochMilli(), window.end().toEpochMilli());
        }

        boolean containsAll(Detection detection) {
            if (detection.evidence().isEmpty()) {
                return contains(detection.detectedAtMillis());
            }
            for (CloudTrailEvent e : detection.evidence()) {
                if (!contains(e.getEventTimeMillis())) {
                    return false;
                }
            }
            return true;
        }

        private boolean contains(long millis) {
            return millis >= startMillis && millis < endMillis;
        }
    }
}

package io.trailwatch.alert;

/**
 * One readable line per alert, for terminals:
 * {@code 2024-01-02T03:04:05Z HIGH  iam-user-create-use-delete  arn:aws:iam::1:user/alice  <summary> [suppressed: reason]  (alertId)}.
 * The time is the last evidence event's. Control characters from event data are replaced by spaces so an
 * attacker-chosen value cannot break the line or drive the terminal.
 */
public final class TextAlertFormat implements AlertFormat {

    @Override
    public String render(Alert a) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(a.lastEventTime()).append(' ').append(a.severity()).append("  ").append(a.ruleId())
          .append("  ").append(clean(a.principal())).append("  ").append(clean(a.summary()));
        if (a.suppressed()) {
            sb.append(" [suppressed: ").append(clean(a.suppressionReason())).append(']');
        }
        return sb.append("  (").append(a.alertId()).append(')').toString();
    }

    @Override
    public String name() {
        return "text";
    }

    private static String clean(String value) {
        return value == null ? "-" : value.replaceAll("\\p{Cntrl}", " ");
    }
}

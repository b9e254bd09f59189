package io.trailwatch.ruletest;

import java.util.Locale;

/** Whether a fixture case must raise alerts of its rule or must not. The folder name is the lower-case name. */
public enum CaseKind {
    /** Must raise the alerts listed in {@code expected.json}, and no other alert of its rule. */
    POSITIVE,
    /** Must raise no unsuppressed alert of its rule; an optional {@code expected.json} may assert suppressed ones. */
    NEGATIVE;

    /** The folder holding cases of this kind: {@code positive} or {@code negative}. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }
}

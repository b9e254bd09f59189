package io.trailwatch.generate;

/**
 * One kind of injected sequence: an attack a rule must find, or a benign look-alike it must not.
 *
 * @param name   stable variant name written to the ground truth ({@code iam-user-offboarding})
 * @param attack true for an attack, false for a look-alike
 * @param ruleId the rule expected to fire for an attack; null for a look-alike
 * @param body   emits the events through the context
 */
record ScenarioScript(String name, boolean attack, String ruleId, Body body) {

    /** Emits a scenario's events; must draw randomness only from the context so a replay is identical. */
    @FunctionalInterface
    interface Body {
        void play(ScenarioContext ctx);
    }

    static ScenarioScript attack(String name, String ruleId, Body body) {
        return new ScenarioScript(name, true, ruleId, body);
    }

    static ScenarioScript benign(String name, Body body) {
        return new ScenarioScript(name, false, null, body);
    }
}

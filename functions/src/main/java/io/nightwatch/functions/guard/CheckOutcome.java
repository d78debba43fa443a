package io.nightwatch.functions.guard;

/** How one guard check ended. */
public enum CheckOutcome {
    PASS,
    /** The check does not apply to this action. */
    SKIPPED,
    HOLD,
    ESCALATE,
    REJECT
}

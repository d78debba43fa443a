package io.nightwatch.api.rules;

/** A rule change that conflicts with the rule's current state (another change came first): answered 409. */
public final class RuleConflict extends RuntimeException {
    public RuleConflict(String message) {
        super(message);
    }
}

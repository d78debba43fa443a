package io.nightwatch.api.rules;

/** A rule, version or change that does not exist: answered 404. */
public final class RuleMissing extends RuntimeException {
    public RuleMissing(String message) {
        super(message);
    }
}

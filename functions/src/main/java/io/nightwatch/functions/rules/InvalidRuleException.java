package io.nightwatch.functions.rules;

/** An alert rule that cannot be evaluated; the message says which field and why. */
public final class InvalidRuleException extends Exception {
    public InvalidRuleException(String message) {
        super(message, null, false, false);
    }
}

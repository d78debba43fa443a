package io.nightwatch.functions.guard;

/** One named check of the guard, its outcome and a sentence saying why (for the event log). */
public record GuardCheck(String name, CheckOutcome outcome, String detail) {

    static GuardCheck pass(String name, String detail) {
        return new GuardCheck(name, CheckOutcome.PASS, detail);
    }

    static GuardCheck skipped(String name, String detail) {
        return new GuardCheck(name, CheckOutcome.SKIPPED, detail);
    }
}

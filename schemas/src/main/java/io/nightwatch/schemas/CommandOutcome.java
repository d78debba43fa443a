package io.nightwatch.schemas;

/** What an executor did with a command. */
public enum CommandOutcome {
    /** Done as asked. */
    EXECUTED,
    /** Already executed earlier under the same command id; nothing was done again. */
    DUPLICATE,
    /** The executor cannot do this for this target (e.g. roll back a completed release). */
    NOT_SUPPORTED,
    /** Tried and failed. */
    FAILED,
    /**
     * Accepted, but the executor's own policy wants a human's approval first (the rule store for a rule whose policy
     * is {@code approval}); a final answer (EXECUTED or REJECTED) follows.
     */
    PENDING_APPROVAL,
    /** A human refused it at the executor; nothing was done. */
    REJECTED
}

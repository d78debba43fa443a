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
    FAILED
}

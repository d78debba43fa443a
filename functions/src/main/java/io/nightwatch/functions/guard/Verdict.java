package io.nightwatch.functions.guard;

/** What the guard lets a decision become. Precedence when checks disagree: REJECT > ESCALATE > HOLD > ALLOW. */
public enum Verdict {
    /** Every check passed: the command is issued. */
    ALLOW,
    /** Allowed, but a human approves it first (risky action or low confidence). */
    HOLD_FOR_APPROVAL,
    /** Refused: not allowed, out of scope, bad parameters or rate limited. Nothing is issued. */
    REJECT,
    /** Cannot be done automatically (rollback of a release that is no longer active): recorded and handed to a human. */
    ESCALATE
}

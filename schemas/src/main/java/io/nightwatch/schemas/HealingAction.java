package io.nightwatch.schemas;

/** What a healing command asks the release system or the runbook executor to do. */
public enum HealingAction {
    /** Roll the target's active release back to its previous version (DESIGN.md's ROLLBACK). */
    ROLLBACK_RELEASE,
    /** Stop a release at its current stage until a human resumes it. */
    PAUSE_RELEASE,
    RESTART_INSTANCE,
    SCALE_OUT,
    /** Silence an alert (target: its fingerprint) or a rule's alerts for {@code duration}; a human approves it first. */
    SILENCE,
    /** Tell a human; nothing is changed. */
    NOTIFY
}

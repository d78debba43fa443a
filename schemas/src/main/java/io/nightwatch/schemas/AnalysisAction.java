package io.nightwatch.schemas;

/** The allow-list of what the analyzer may propose; anything else is refused before it reaches the guard. */
public enum AnalysisAction {
    /** Roll the incident's active release back (target: the release id). */
    ROLLBACK_RELEASE,
    /** Restart one instance of the incident (target: the instance). */
    RESTART_INSTANCE,
    /** Add replicas to the incident's service (target: the service; parameter {@code replicas}). */
    SCALE_OUT,
    /** Change a rule that fired in the incident (target: the rule id; parameters {@code threshold}, {@code forSeconds}). */
    ADJUST_RULE,
    /** Silence an alert of the incident (target: its fingerprint or rule; parameter {@code duration}). */
    SILENCE,
    /** Tell a human; nothing is changed (target: the service). */
    NOTIFY,
    /** Nothing to do. */
    NONE
}

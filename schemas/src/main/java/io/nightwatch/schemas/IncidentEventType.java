package io.nightwatch.schemas;

/** The kinds of step in an incident's life; each is one row of the incident event log. */
public enum IncidentEventType {
    OPENED,
    ALERT_ADDED,
    ALERT_RESOLVED,
    SILENCED,
    INHIBITED,
    GROUPED,
    NOTIFIED,
    CONVERGED,
    ENRICHED,
    ANALYSIS_REQUESTED,
    ANALYZER_STEP,
    ANALYZED,
    ANALYZER_FALLBACK,
    GUARD_VERDICT,
    COMMAND_ISSUED,
    COMMAND_HELD,
    APPROVED,
    REJECTED,
    EXPIRED,
    COMMAND_RESULT,
    ESCALATED,
    RESOLVED
}

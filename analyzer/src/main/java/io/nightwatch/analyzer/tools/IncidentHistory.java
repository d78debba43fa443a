package io.nightwatch.analyzer.tools;

/** SQL fragments shared by the incident tools: what the analyzer concluded and which commands followed. */
final class IncidentHistory {

    /** The root cause of the incident's latest ANALYZED event (its detail is the AnalysisResult JSON). */
    static final String ROOT_CAUSE = """
            (SELECT e.detail->>'rootCause' FROM incident_events e
              WHERE e.incident_id = i.id AND e.type = 'ANALYZED' AND jsonb_typeof(e.detail) = 'object'
              ORDER BY e.at DESC LIMIT 1) AS root_cause""";

    /** The incident's commands as "ACTION target: status; ...". */
    static final String COMMANDS = """
            (SELECT string_agg(c.action || ' ' || c.target || ': ' || c.status, '; ' ORDER BY c.created_at)
               FROM commands c WHERE c.incident_id = i.id) AS commands""";

    private IncidentHistory() {}
}

package io.nightwatch.jobs.canary.sql;

import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.Json;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/** Appends an incident event the canary job wrote (an escalation) to {@code incident_events}, once per event id. */
public final class IncidentEventInsert implements JdbcStatementBuilder<IncidentEvent> {

    public static final String SQL = """
            INSERT INTO incident_events (event_id, incident_id, type, at, service, title, severity, group_key,
                                         alert_fingerprints, attributes, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
            ON CONFLICT (event_id) DO NOTHING
            """;

    @Override
    public void accept(PreparedStatement ps, IncidentEvent e) throws SQLException {
        ps.setString(1, e.eventId());
        ps.setString(2, e.incidentId());
        ps.setString(3, e.type().name());
        Sql.instant(ps, 4, e.at());
        ps.setString(5, e.service());
        ps.setString(6, e.title());
        ps.setString(7, e.severity());
        ps.setString(8, e.groupKey());
        Sql.texts(ps, 9, e.alertFingerprints());
        ps.setString(10, Json.toString(e.attributes()));
        ps.setString(11, e.detail());
    }
}

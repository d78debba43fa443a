package io.nightwatch.jobs.incidents.sql;

import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.Json;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import io.nightwatch.jobs.io.MergingJdbcSink;

/** Writes one event-log entry into {@code incident_events}; the same event id twice is stored once. */
public final class IncidentEventInsert implements MergingJdbcSink.Upsert<IncidentEvent> {

    private static final long serialVersionUID = 1L;

    public static final String SQL = """
            INSERT INTO incident_events (event_id, incident_id, type, at, service, title, severity, group_key,
                                         alert_fingerprints, attributes, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
            ON CONFLICT (event_id) DO NOTHING
            """;

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public String key(IncidentEvent e) {
        return e.eventId();
    }

    /** One event id is one event: the first write stands. */
    @Override
    public IncidentEvent merge(IncidentEvent earlier, IncidentEvent later) {
        return earlier;
    }

    @Override
    public void bind(PreparedStatement ps, IncidentEvent e) throws SQLException {
        ps.setString(1, e.eventId());
        ps.setString(2, e.incidentId());
        ps.setString(3, e.type().name());
        ps.setTimestamp(4, Timestamp.from(e.at()));
        ps.setString(5, e.service());
        ps.setString(6, e.title());
        ps.setString(7, e.severity());
        ps.setString(8, e.groupKey());
        ps.setArray(9, ps.getConnection().createArrayOf("text", e.alertFingerprints().toArray()));
        ps.setString(10, Json.toString(e.attributes()));
        if (e.detail() == null) {
            ps.setNull(11, Types.VARCHAR);
        } else {
            ps.setString(11, e.detail());
        }
    }
}

package io.nightwatch.jobs.canary.sql;

import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.ReleaseEvent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/** Appends a release event to {@code release_events}, once per event id. */
public final class ReleaseEventInsert implements JdbcStatementBuilder<ReleaseEvent> {

    public static final String SQL = """
            INSERT INTO release_events (event_id, release_id, status, stage, reason, at, event)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (event_id) DO NOTHING
            """;

    @Override
    public void accept(PreparedStatement ps, ReleaseEvent e) throws SQLException {
        ps.setString(1, e.eventId());
        ps.setString(2, e.release());
        ps.setString(3, e.status().name());
        ps.setInt(4, e.stage());
        ps.setString(5, e.reason());
        Sql.instant(ps, 6, e.at());
        ps.setString(7, Json.toString(e));
    }
}

package io.nightwatch.jobs.canary.sql;

import io.nightwatch.schemas.ReleaseEvent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/** Projects a release event onto its {@code releases} row; the newest event wins, a replay changes nothing. */
public final class ReleaseUpsert implements JdbcStatementBuilder<ReleaseEvent> {

    public static final String SQL = """
            INSERT INTO releases (id, service, version, from_version, status, stage, stage_count, reason,
                                  created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                service = EXCLUDED.service, version = EXCLUDED.version, from_version = EXCLUDED.from_version,
                status = EXCLUDED.status, stage = EXCLUDED.stage, stage_count = EXCLUDED.stage_count,
                reason = EXCLUDED.reason, created_at = LEAST(releases.created_at, EXCLUDED.created_at),
                updated_at = EXCLUDED.updated_at
            WHERE releases.updated_at <= EXCLUDED.updated_at
            """;

    @Override
    public void accept(PreparedStatement ps, ReleaseEvent e) throws SQLException {
        ps.setString(1, e.release());
        ps.setString(2, e.service());
        ps.setString(3, e.version());
        ps.setString(4, e.fromVersion());
        ps.setString(5, e.status().name());
        ps.setInt(6, e.stage());
        ps.setInt(7, e.stageCount());
        ps.setString(8, e.reason());
        Sql.instant(ps, 9, e.at());
        Sql.instant(ps, 10, e.at());
    }
}

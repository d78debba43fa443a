package io.nightwatch.jobs.canary.sql;

import io.nightwatch.functions.canary.suspect.Suspicion;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/** Records a suspicion in {@code release_suspicions}, once per release, instance and alert. */
public final class SuspicionInsert implements JdbcStatementBuilder<Suspicion> {

    public static final String SQL = """
            INSERT INTO release_suspicions (release_id, instance, alert_fingerprint, service, version, alert_name,
                                            severity, version_changed_at, alert_at, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (release_id, instance, alert_fingerprint) DO NOTHING
            """;

    @Override
    public void accept(PreparedStatement ps, Suspicion s) throws SQLException {
        ps.setString(1, s.release());
        ps.setString(2, s.instance());
        ps.setString(3, s.fingerprint() == null ? "" : s.fingerprint());
        ps.setString(4, s.service());
        ps.setString(5, s.version());
        ps.setString(6, s.alertName());
        ps.setString(7, s.severity());
        Sql.instant(ps, 8, s.changedAt());
        Sql.instant(ps, 9, s.alertAt());
        ps.setString(10, s.reason());
    }
}

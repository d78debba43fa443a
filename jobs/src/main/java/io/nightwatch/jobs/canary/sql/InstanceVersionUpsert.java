package io.nightwatch.jobs.canary.sql;

import io.nightwatch.functions.canary.release.InstanceVersion;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * Sets an instance's version in {@code instances} (the newest event wins); the release and time of the change
 * move only when the version does.
 */
public final class InstanceVersionUpsert implements JdbcStatementBuilder<InstanceVersion> {

    public static final String SQL = """
            INSERT INTO instances (service, instance, version, release_id, version_since, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (service, instance) DO UPDATE SET
                release_id = CASE WHEN instances.version IS DISTINCT FROM EXCLUDED.version OR instances.release_id IS NULL
                                  THEN COALESCE(EXCLUDED.release_id, instances.release_id) ELSE instances.release_id END,
                version_since = CASE WHEN instances.version IS DISTINCT FROM EXCLUDED.version OR instances.version_since IS NULL
                                  THEN COALESCE(EXCLUDED.version_since, instances.version_since) ELSE instances.version_since END,
                version = EXCLUDED.version,
                updated_at = EXCLUDED.updated_at
            WHERE instances.updated_at <= EXCLUDED.updated_at
            """;

    @Override
    public void accept(PreparedStatement ps, InstanceVersion v) throws SQLException {
        ps.setString(1, v.service());
        ps.setString(2, v.instance());
        ps.setString(3, v.version());
        ps.setString(4, v.release());
        Sql.instant(ps, 5, v.since());
        Sql.instant(ps, 6, v.at());
    }
}

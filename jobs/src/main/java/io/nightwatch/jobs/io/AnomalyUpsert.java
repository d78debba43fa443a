package io.nightwatch.jobs.io;

import io.nightwatch.schemas.Anomaly;
import io.nightwatch.schemas.Json;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/** Binds an anomaly to the idempotent upsert of {@code anomalies} (same anomaly id: same row). */
public final class AnomalyUpsert implements JdbcStatementBuilder<Anomaly> {

    public static final String SQL = """
            INSERT INTO anomalies (anomaly_id, series, service, instance, metric, window_start, window_end, score,
                                   threshold, detector, evidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (anomaly_id) DO UPDATE SET window_end = EXCLUDED.window_end, score = EXCLUDED.score,
                evidence = EXCLUDED.evidence
            """;

    @Override
    public void accept(PreparedStatement ps, Anomaly a) throws SQLException {
        ps.setString(1, a.anomalyId());
        ps.setString(2, a.series());
        ps.setString(3, a.service());
        ps.setString(4, a.instance());
        ps.setString(5, a.metric());
        ps.setTimestamp(6, Timestamp.from(a.windowStart()));
        ps.setTimestamp(7, Timestamp.from(a.windowEnd()));
        ps.setDouble(8, a.score());
        ps.setDouble(9, a.threshold());
        ps.setString(10, a.detector());
        ps.setString(11, Json.toString(a.evidence()));
    }
}

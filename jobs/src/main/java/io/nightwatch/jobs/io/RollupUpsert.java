package io.nightwatch.jobs.io;

import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.Rollup;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/** Binds a rollup to the idempotent upsert of {@code metric_rollups} (same series, resolution, window: same row). */
public final class RollupUpsert implements JdbcStatementBuilder<Rollup> {

    /** The upsert; a replay rewrites the row with the same values. */
    public static final String SQL = """
            INSERT INTO metric_rollups (series, resolution, window_start, service, instance, metric, labels,
                                        count, sum, min, max, avg, p50, p90, p99, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (series, resolution, window_start) DO UPDATE SET
                count = EXCLUDED.count, sum = EXCLUDED.sum, min = EXCLUDED.min, max = EXCLUDED.max,
                avg = EXCLUDED.avg, p50 = EXCLUDED.p50, p90 = EXCLUDED.p90, p99 = EXCLUDED.p99,
                labels = EXCLUDED.labels, updated_at = now()
            """;

    @Override
    public void accept(PreparedStatement ps, Rollup r) throws SQLException {
        ps.setString(1, r.series());
        ps.setString(2, r.resolution().label());
        ps.setTimestamp(3, Timestamp.from(r.windowStart()));
        ps.setString(4, r.service());
        ps.setString(5, r.instance());
        ps.setString(6, r.metric());
        ps.setString(7, Json.toString(r.labels()));
        ps.setLong(8, r.count());
        ps.setDouble(9, r.sum());
        ps.setDouble(10, r.min());
        ps.setDouble(11, r.max());
        ps.setDouble(12, r.avg());
        setNullable(ps, 13, r.p50());
        setNullable(ps, 14, r.p90());
        setNullable(ps, 15, r.p99());
    }

    private static void setNullable(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }
}

package io.nightwatch.jobs.io;

import io.nightwatch.schemas.Resolution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Deletes rollups older than their resolution's retention, in batches of {@link #BATCH} rows so no statement holds
 * locks for long. Returns how many rows of each resolution went.
 */
public final class RollupRetention {

    static final int BATCH = 10_000;
    private static final String DELETE = """
            DELETE FROM metric_rollups WHERE ctid IN (
                SELECT ctid FROM metric_rollups WHERE resolution = ? AND window_start < ? LIMIT ?)
            """;

    private RollupRetention() {}

    public static Map<Resolution, Long> prune(Connection c, Map<Resolution, Duration> retention, Instant now)
            throws SQLException {
        Map<Resolution, Long> deleted = new EnumMap<>(Resolution.class);
        try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            for (Map.Entry<Resolution, Duration> e : retention.entrySet()) {
                long total = 0;
                int n;
                do {
                    ps.setString(1, e.getKey().label());
                    ps.setTimestamp(2, Timestamp.from(now.minus(e.getValue())));
                    ps.setInt(3, BATCH);
                    n = ps.executeUpdate();
                    total += n;
                } while (n == BATCH);
                deleted.put(e.getKey(), total);
            }
        }
        return deleted;
    }
}

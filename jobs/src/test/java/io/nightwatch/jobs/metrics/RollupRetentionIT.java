package io.nightwatch.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.jobs.io.RollupRetention;
import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retention against real PostgreSQL: each resolution keeps exactly its window of history. */
class RollupRetentionIT {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    @Test
    void deletesOnlyRollupsOlderThanTheirResolutionsRetention() throws Exception {
        try (TestPostgres db = TestPostgres.create("retention"); Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO metric_rollups (series, resolution, window_start, service, instance, metric, count, sum, min, max, avg)
                    VALUES ('s/i/m', ?, ?, 's', 'i', 'm', 1, 1, 1, 1, 1)""")) {
                for (int days : new int[] {1, 6, 8, 29, 31, 100}) {
                    for (Resolution r : List.of(Resolution.M1, Resolution.M5)) {
                        ps.setString(1, r.label());
                        ps.setTimestamp(2, Timestamp.from(NOW.minus(Duration.ofDays(days))));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            Map<Resolution, Long> deleted = RollupRetention.prune(c,
                    Map.of(Resolution.M1, Duration.ofDays(7), Resolution.M5, Duration.ofDays(30)), NOW);
            assertThat(deleted).containsEntry(Resolution.M1, 4L).containsEntry(Resolution.M5, 2L);
            List<String> left = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT resolution, window_start FROM metric_rollups ORDER BY resolution, window_start")) {
                while (rs.next()) {
                    left.add(rs.getString(1) + "@" + Duration.between(rs.getTimestamp(2).toInstant(), NOW).toDays());
                }
            }
            assertThat(left).containsExactly("1m@6", "1m@1", "5m@29", "5m@8", "5m@6", "5m@1");
        }
    }
}

package io.nightwatch.api.services;

import io.nightwatch.schemas.Resolution;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/** Reads services, instances and service-level rollups (instance {@code *}) from PostgreSQL. */
public final class ServiceRepository {

    private final Jdbi jdbi;

    public ServiceRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every service in the catalog or reporting in the last hour of data, with its latest figures. */
    public List<ServiceSummary> list() {
        return jdbi.withHandle(h -> {
            Map<String, LatestFiguresBuilder> latest = new TreeMap<>();
            h.createQuery("""
                            WITH recent AS (
                                SELECT service, metric, window_start, count, sum, min, max, avg, p50, p90, p99
                                FROM metric_rollups
                                WHERE resolution = '1m' AND instance = '*'
                                  AND window_start >= (SELECT max(window_start) FROM metric_rollups WHERE resolution = '1m')
                                                      - interval '1 hour'
                            ), newest AS (
                                SELECT service, max(window_start) AS ws FROM recent GROUP BY service
                            )
                            SELECT r.* FROM recent r JOIN newest n ON r.service = n.service AND r.window_start = n.ws
                            ORDER BY r.service, r.metric
                            """)
                    .map((rs, ctx) -> {
                        latest.computeIfAbsent(rs.getString("service"), s -> new LatestFiguresBuilder())
                                .add(rs.getString("metric"), point(rs));
                        return 0;
                    })
                    .list();
            for (String catalogued : h.createQuery("SELECT name FROM services").mapTo(String.class).list()) {
                latest.putIfAbsent(catalogued, new LatestFiguresBuilder());
            }
            Map<String, Integer> instanceCounts = new TreeMap<>();
            Map<String, TreeSet<String>> versions = new TreeMap<>();
            h.createQuery("SELECT service, count(*) AS n, array_remove(array_agg(DISTINCT version), NULL) AS versions "
                            + "FROM instances GROUP BY service")
                    .map((rs, ctx) -> {
                        instanceCounts.put(rs.getString("service"), rs.getInt("n"));
                        TreeSet<String> vs = new TreeSet<>();
                        for (Object v : (Object[]) rs.getArray("versions").getArray()) {
                            vs.add((String) v);
                        }
                        versions.put(rs.getString("service"), vs);
                        return 0;
                    })
                    .list();
            h.createQuery("""
                            SELECT service, count(DISTINCT instance) AS n FROM metric_rollups
                            WHERE resolution = '1m' AND instance <> '*'
                              AND window_start >= (SELECT max(window_start) FROM metric_rollups WHERE resolution = '1m')
                                                  - interval '10 minutes'
                            GROUP BY service
                            """)
                    .map((rs, ctx) -> instanceCounts.merge(rs.getString("service"), rs.getInt("n"), Math::max))
                    .list();
            List<ServiceSummary> out = new ArrayList<>();
            latest.forEach((service, figures) -> out.add(new ServiceSummary(service,
                    instanceCounts.getOrDefault(service, 0),
                    List.copyOf(versions.getOrDefault(service, new TreeSet<>())),
                    figures.build())));
            return out;
        });
    }

    /** Whether any rollup or catalog entry exists for the service. */
    public boolean exists(String service) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM services WHERE name = :s)
                            OR EXISTS (SELECT 1 FROM metric_rollups WHERE service = :s AND instance = '*')
                        """).bind("s", service).mapTo(Boolean.class).one());
    }

    /** The service-level rollups of one metric and resolution with window start in [from, to), oldest first. */
    public List<RollupPoint> series(String service, String metric, Resolution resolution, Instant from, Instant to, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM (
                            SELECT window_start, count, sum, min, max, avg, p50, p90, p99 FROM metric_rollups
                            WHERE service = :service AND instance = '*' AND metric = :metric AND resolution = :resolution
                              AND window_start >= :from AND window_start < :to
                            ORDER BY window_start DESC LIMIT :limit
                        ) newest ORDER BY window_start
                        """)
                .bind("service", service).bind("metric", metric).bind("resolution", resolution.label())
                .bind("from", from).bind("to", to).bind("limit", limit)
                .map((rs, ctx) -> point(rs))
                .list());
    }

    private static RollupPoint point(ResultSet rs) throws SQLException {
        return new RollupPoint(rs.getTimestamp("window_start").toInstant(), rs.getLong("count"), rs.getDouble("sum"),
                rs.getDouble("min"), rs.getDouble("max"), rs.getDouble("avg"),
                nullable(rs, "p50"), nullable(rs, "p90"), nullable(rs, "p99"));
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** Collects one service's newest window across metrics. */
    private static final class LatestFiguresBuilder {
        private final Map<String, RollupPoint> metrics = new LinkedHashMap<>();
        private Instant windowStart;

        void add(String metric, RollupPoint point) {
            metrics.put(metric, point);
            windowStart = point.windowStart();
        }

        LatestFigures build() {
            return windowStart == null ? null : new LatestFigures(windowStart, "1m", metrics);
        }
    }
}

package io.nightwatch.analyzer.tools;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Named PostgreSQL data for the drill-down tools: checkout's four instances, whose canary checkout-1 (release rel-42,
 * 1.5.0) turns slow at 05:40; an older completed release; past incidents of checkout and payments with their
 * analyses and commands.
 */
public final class FleetHistory {

    public static final Instant FIRST_WINDOW = Instant.parse("2026-11-22T05:00:00Z");
    public static final Instant SLOW_FROM = Instant.parse("2026-11-22T05:40:00Z");
    public static final int WINDOWS = 43; // 05:00 .. 05:42

    private FleetHistory() {}

    public static void seed(DataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO metric_rollups (series, resolution, window_start, service, instance, metric, count, sum,
                                                min, max, avg, p99)
                    VALUES (?, '1m', ?, ?, ?, ?, 12, ?, ?, ?, ?, ?)""")) {
                for (int m = 0; m < WINDOWS; m++) {
                    Instant window = FIRST_WINDOW.plusSeconds(60L * m);
                    boolean slow = !window.isBefore(SLOW_FROM);
                    rollup(ps, "checkout", "checkout-1", "latency_ms", window, slow ? 430 : 120, slow ? 520 : 150, slow ? 610.0 : 140.0);
                    rollup(ps, "checkout", "checkout-1", "cpu", window, slow ? 44 : 40, slow ? 44 : 40, null);
                    for (String peer : new String[] {"checkout-2", "checkout-3", "checkout-4"}) {
                        rollup(ps, "checkout", peer, "latency_ms", window, 118, 140, 135.0);
                    }
                    rollup(ps, "payments", "payments-1", "latency_ms", window, 80, 95, 90.0);
                }
                ps.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO instances (service, instance, version, updated_at) VALUES
                          ('checkout', 'checkout-1', '1.5.0', '2026-11-22T05:35:00Z'),
                          ('checkout', 'checkout-2', '1.4.2', '2026-11-21T10:00:00Z'),
                          ('checkout', 'checkout-3', '1.4.2', '2026-11-21T10:00:00Z'),
                          ('checkout', 'checkout-4', '1.4.2', '2026-11-21T10:00:00Z');
                        INSERT INTO releases (id, service, version, from_version, status, stage, stage_count, created_at, updated_at) VALUES
                          ('rel-42', 'checkout', '1.5.0', '1.4.2', 'STAGE_STARTED', 1, 4, '2026-11-22T05:30:00Z', '2026-11-22T05:35:00Z'),
                          ('rel-41', 'checkout', '1.4.2', '1.4.1', 'COMPLETED', 4, 4, '2026-11-21T09:00:00Z', '2026-11-21T10:00:00Z'),
                          ('rel-77', 'payments', '2.0.0', '1.9.9', 'COMPLETED', 4, 4, '2026-11-22T01:00:00Z', '2026-11-22T02:00:00Z');
                        INSERT INTO release_stages (release_id, stage, canary_instances, baseline_instances, analysis_window_seconds,
                                                    status, started_at) VALUES
                          ('rel-42', 1, '{checkout-1}', '{checkout-2,checkout-3,checkout-4}', 300, 'RUNNING', '2026-11-22T05:35:00Z');
                        INSERT INTO release_stages (release_id, stage, canary_instances, baseline_instances, analysis_window_seconds,
                                                    status, started_at, ended_at, verdict, score) VALUES
                          ('rel-41', 1, '{checkout-4}', '{checkout-1,checkout-2,checkout-3}', 300, 'PASSED',
                           '2026-11-21T09:00:00Z', '2026-11-21T09:05:00Z', 'PASS', 100);
                        INSERT INTO incidents (id, service, title, severity, status, release_id, summary, opened_at, updated_at, resolved_at) VALUES
                          ('inc-0', 'checkout', 'HighLatency on checkout-2 after release rel-39', 'critical', 'resolved', 'rel-39',
                           'p99 latency tripled on the canary', '2026-11-20T12:00:00Z', '2026-11-20T12:30:00Z', '2026-11-20T12:30:00Z'),
                          ('inc-p', 'payments', 'Card provider timeouts', 'warning', 'resolved', NULL,
                           'errors from the card provider', '2026-11-21T08:00:00Z', '2026-11-21T08:20:00Z', '2026-11-21T08:20:00Z'),
                          ('inc-1', 'checkout', 'HighLatency on checkout-1', 'critical', 'open', 'rel-42',
                           NULL, '2026-11-22T05:40:00Z', '2026-11-22T05:41:00Z', NULL);
                        INSERT INTO incident_events (event_id, incident_id, type, at, service, detail) VALUES
                          ('inc-0:ANALYZED:1', 'inc-0', 'ANALYZED', '2026-11-20T12:02:00Z', 'checkout',
                           '{"rootCause": "release rel-39 regressed latency on its canary checkout-2"}');
                        INSERT INTO commands (command_id, kind, action, service, target, release_id, incident_id, status,
                                              payload, created_at, updated_at) VALUES
                          ('inc-0:ROLLBACK_RELEASE', 'healing', 'ROLLBACK_RELEASE', 'checkout', 'rel-39', 'rel-39', 'inc-0',
                           'executed', '{}', '2026-11-20T12:03:00Z', '2026-11-20T12:05:00Z');
                        """);
            }
        }
    }

    private static void rollup(PreparedStatement ps, String service, String instance, String metric, Instant window,
            double avg, double max, Double p99) throws SQLException {
        ps.setString(1, service + "/" + instance + "/" + metric);
        ps.setTimestamp(2, Timestamp.from(window));
        ps.setString(3, service);
        ps.setString(4, instance);
        ps.setString(5, metric);
        ps.setDouble(6, avg * 12);
        ps.setDouble(7, avg * 0.8);
        ps.setDouble(8, max);
        ps.setDouble(9, avg);
        if (p99 == null) {
            ps.setNull(10, java.sql.Types.DOUBLE);
        } else {
            ps.setDouble(10, p99);
        }
        ps.addBatch();
    }
}

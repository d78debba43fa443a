package io.nightwatch.api.releases;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Two releases as the canary job leaves them in PostgreSQL: {@code rel-bad} (checkout 1.5.0, its canary's latency
 * High, rolled back) and {@code rel-good} (search 5.2.0, completed, then suspect and escalated).
 */
final class ReleaseFixtures {

    private ReleaseFixtures() {}

    static void seed(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                INSERT INTO releases (id, service, version, from_version, status, stage, stage_count, reason, created_at, updated_at) VALUES
                  ('rel-bad', 'checkout', '1.5.0', '1.4.2', 'ROLLED_BACK', 1, 3,
                   'rolled back by command canary:rel-bad:1:ROLLBACK_RELEASE', '2026-11-22T05:40:00Z', '2026-11-22T05:41:08Z'),
                  ('rel-good', 'search', '5.2.0', '5.1.3', 'COMPLETED', 3, 3, 'every instance runs 5.2.0',
                   '2026-11-22T05:30:00Z', '2026-11-22T05:33:10Z')""");
            s.execute("""
                INSERT INTO release_stages (release_id, stage, canary_instances, baseline_instances, done_instances,
                    analysis_window_seconds, pass_threshold, marginal_threshold, status, started_at, ended_at, verdict,
                    score, verdict_reason, window_start, window_end, judged_at, group_scores, updated_at) VALUES
                  ('rel-bad', 1, '{checkout-1}', '{checkout-2,checkout-3,checkout-4}', '{}', 60, 75, 50, 'ROLLED_BACK',
                   '2026-11-22T05:40:00Z', '2026-11-22T05:41:08Z', 'FAIL', 0,
                   'score 0.00 below marginal 50: latency_ms High (critical)', '2026-11-22T05:40:10Z',
                   '2026-11-22T05:41:00Z', '2026-11-22T05:41:00Z', '{"latency":{"score":0.0}}', '2026-11-22T05:41:08Z'),
                  ('rel-good', 1, '{search-1}', '{search-2,search-3,search-4}', '{}', 60, 75, 50, 'PASSED',
                   '2026-11-22T05:30:00Z', '2026-11-22T05:31:04Z', 'PASS', 100, 'score 100.00 >= pass threshold 75',
                   '2026-11-22T05:30:10Z', '2026-11-22T05:31:00Z', '2026-11-22T05:31:00Z', '{}', '2026-11-22T05:31:04Z')""");
            s.execute("""
                INSERT INTO canary_verdicts (release_id, stage, metric, classification, critical, canary_count,
                    baseline_count, statistics, reason, judged_at, decided_by, groups) VALUES
                  ('rel-bad', 1, 'latency_ms', 'High', true, 10, 30,
                   '{"classification":"High","mannWhitney":{"u":300.0,"pValue":1.2E-6,"hlEstimate":60.1,"ciLower":52.3,"ciUpper":68.0},"effectSize":1.5}',
                   'latency_ms: canary is higher than baseline (Critical)', '2026-11-22T05:41:00Z', 'mann-whitney', '{latency}'),
                  ('rel-bad', 1, 'errors', 'Pass', true, 10, 30,
                   '{"classification":"Pass","rateTest":{"rateRatio":1.04,"pValueHigher":0.41}}', NULL,
                   '2026-11-22T05:41:00Z', 'rate', '{errors}'),
                  ('rel-good', 1, 'latency_ms', 'Pass', true, 10, 30, '{"classification":"Pass"}', NULL,
                   '2026-11-22T05:31:00Z', 'mann-whitney', '{latency}')""");
            s.execute("""
                INSERT INTO release_events (event_id, release_id, status, stage, reason, at, event) VALUES
                  ('rel-bad:1:SCHEDULED', 'rel-bad', 'SCHEDULED', 0, 'scheduled', '2026-11-22T05:40:00Z', '{}'),
                  ('rel-bad:2:STAGE_STARTED', 'rel-bad', 'STAGE_STARTED', 1, 'stage 1 of 3', '2026-11-22T05:40:00Z', '{}'),
                  ('rel-bad:3:ROLLING_BACK', 'rel-bad', 'ROLLING_BACK', 1, 'rolled back', '2026-11-22T05:41:08Z', '{}'),
                  ('rel-bad:4:ROLLED_BACK', 'rel-bad', 'ROLLED_BACK', 1, 'rolled back', '2026-11-22T05:41:08Z', '{}')""");
            s.execute("""
                INSERT INTO commands (command_id, kind, action, service, target, release_id, reason, status, issued_by,
                    payload, result, created_at, expires_at, updated_at) VALUES
                  ('canary:rel-bad:1:ROLLBACK_RELEASE', 'healing', 'ROLLBACK_RELEASE', 'checkout', 'rel-bad', 'rel-bad',
                   'canary stage 1 FAIL', 'executed', 'canary-judge', '{}',
                   'EXECUTED: rolled back release rel-bad from stage 1 to 1.4.2', '2026-11-22T05:41:00Z',
                   '2026-11-22T06:11:00Z', '2026-11-22T05:41:08Z'),
                  ('canary:rel-good:suspect:search-2:ROLLBACK_RELEASE', 'healing', 'ROLLBACK_RELEASE', 'search', 'search-2',
                   'rel-good', 'release suspect', 'not_supported', 'canary-judge', '{}',
                   'NOT_SUPPORTED: rollback not supported for a completed release', '2026-11-22T05:35:00Z',
                   '2026-11-22T06:05:00Z', '2026-11-22T05:35:02Z')""");
            s.execute("""
                INSERT INTO release_suspicions (release_id, instance, alert_fingerprint, service, version, alert_name,
                    severity, version_changed_at, alert_at, reason) VALUES
                  ('rel-good', 'search-2', 'ab12', 'search', '5.2.0', 'InstanceDegraded', 'critical',
                   '2026-11-22T05:31:04Z', '2026-11-22T05:35:00Z', 'search-2 raised InstanceDegraded (critical) 3m56s after release rel-good changed it to 5.2.0')""");
            s.execute("""
                INSERT INTO incident_events (event_id, incident_id, type, at, service, title, severity, attributes) VALUES
                  ('canary:rel-good:suspect:search-2:ROLLBACK_RELEASE:ESCALATED', 'canary:rel-good', 'ESCALATED',
                   '2026-11-22T05:35:02Z', 'search',
                   'Escalated: rollback of release rel-good refused by release-system (rollback not supported for a completed release)',
                   'critical', '{"release":"rel-good"}')""");
            s.execute("""
                INSERT INTO instances (service, instance, version, release_id, version_since, updated_at) VALUES
                  ('checkout', 'checkout-1', '1.4.2', 'rel-bad', '2026-11-22T05:41:08Z', '2026-11-22T05:41:08Z'),
                  ('checkout', 'checkout-2', '1.4.2', NULL, NULL, '2026-11-22T05:41:08Z'),
                  ('search', 'search-1', '5.2.0', 'rel-good', '2026-11-22T05:30:00Z', '2026-11-22T05:33:10Z'),
                  ('search', 'search-2', '5.2.0', 'rel-good', '2026-11-22T05:31:04Z', '2026-11-22T05:33:10Z'),
                  ('search', 'search-10', '5.2.0', 'rel-good', '2026-11-22T05:32:08Z', '2026-11-22T05:33:10Z')""");
        }
    }
}

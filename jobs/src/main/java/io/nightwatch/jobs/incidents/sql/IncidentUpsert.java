package io.nightwatch.jobs.incidents.sql;

import io.nightwatch.functions.incidents.model.IncidentRow;
import io.nightwatch.functions.incidents.model.IncidentRows;
import io.nightwatch.jobs.io.MergingJdbcSink;
import io.nightwatch.schemas.Json;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * Upserts an incident row. A step writes only what it knows (nulls keep the stored value); the headline fields a
 * notification sets change only when the row's notification is at least as new as the stored one, so a late or
 * replayed older notification never overwrites a newer one. Replaying the same rows leaves the same table.
 */
public final class IncidentUpsert implements MergingJdbcSink.Upsert<IncidentRow> {

    private static final long serialVersionUID = 1L;

    private static final String FRESH = "(EXCLUDED.last_notified_at IS NOT NULL AND (incidents.last_notified_at IS NULL"
            + " OR EXCLUDED.last_notified_at >= incidents.last_notified_at))";

    public static final String SQL = """
            INSERT INTO incidents (id, kind, service, title, severity, priority, status, group_key, route, release_id,
                                   alert_count, firing_count, labels, instances, summary, convergence, converged_into,
                                   convergence_key, notification_count, opened_at, updated_at, resolved_at, last_notified_at)
            VALUES (?, COALESCE(?, 'group'), ?, ?, ?, ?, COALESCE(?, 'open'), ?, ?, ?, COALESCE(?, 0), COALESCE(?, 0),
                    COALESCE(?::jsonb, '{}'::jsonb), COALESCE(?::text[], '{}'::text[]), ?, ?, ?, ?, COALESCE(?, 0), ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                service = CASE WHEN %1$s THEN COALESCE(EXCLUDED.service, incidents.service) ELSE incidents.service END,
                title = CASE WHEN %1$s THEN EXCLUDED.title ELSE incidents.title END,
                severity = CASE WHEN %1$s THEN COALESCE(EXCLUDED.severity, incidents.severity) ELSE incidents.severity END,
                priority = CASE WHEN %1$s THEN COALESCE(EXCLUDED.priority, incidents.priority) ELSE incidents.priority END,
                status = CASE WHEN %1$s THEN EXCLUDED.status ELSE incidents.status END,
                group_key = COALESCE(incidents.group_key, EXCLUDED.group_key),
                route = COALESCE(EXCLUDED.route, incidents.route),
                release_id = COALESCE(EXCLUDED.release_id, incidents.release_id),
                alert_count = CASE WHEN %1$s THEN EXCLUDED.alert_count ELSE incidents.alert_count END,
                firing_count = CASE WHEN %1$s THEN EXCLUDED.firing_count ELSE incidents.firing_count END,
                labels = CASE WHEN %1$s THEN EXCLUDED.labels ELSE incidents.labels END,
                instances = CASE WHEN %1$s AND cardinality(EXCLUDED.instances) > 0 THEN EXCLUDED.instances ELSE incidents.instances END,
                summary = CASE WHEN %1$s THEN COALESCE(EXCLUDED.summary, incidents.summary) ELSE incidents.summary END,
                convergence = COALESCE(EXCLUDED.convergence, incidents.convergence),
                converged_into = COALESCE(EXCLUDED.converged_into, incidents.converged_into),
                convergence_key = COALESCE(EXCLUDED.convergence_key, incidents.convergence_key),
                notification_count = CASE WHEN %1$s THEN EXCLUDED.notification_count ELSE incidents.notification_count END,
                opened_at = LEAST(incidents.opened_at, EXCLUDED.opened_at),
                updated_at = GREATEST(incidents.updated_at, EXCLUDED.updated_at),
                resolved_at = CASE WHEN %1$s THEN EXCLUDED.resolved_at ELSE incidents.resolved_at END,
                last_notified_at = CASE WHEN %1$s THEN EXCLUDED.last_notified_at ELSE incidents.last_notified_at END
            """.formatted(FRESH);

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public String key(IncidentRow row) {
        return row.id();
    }

    @Override
    public IncidentRow merge(IncidentRow earlier, IncidentRow later) {
        return IncidentRows.merge(earlier, later);
    }

    @Override
    public void bind(PreparedStatement ps, IncidentRow r) throws SQLException {
        ps.setString(1, r.id());
        ps.setString(2, r.kind());
        ps.setString(3, r.service());
        ps.setString(4, r.title() == null ? r.id() : r.title());
        ps.setString(5, r.severity());
        setInt(ps, 6, r.priority());
        ps.setString(7, r.status());
        ps.setString(8, r.groupKey());
        ps.setString(9, r.route());
        ps.setString(10, r.releaseId());
        setInt(ps, 11, r.alertCount());
        setInt(ps, 12, r.firingCount());
        if (r.labels() == null) {
            ps.setNull(13, Types.VARCHAR);
        } else {
            ps.setString(13, Json.toString(new java.util.TreeMap<>(r.labels())));
        }
        if (r.instances() == null) {
            ps.setNull(14, Types.ARRAY);
        } else {
            ps.setArray(14, ps.getConnection().createArrayOf("text", r.instances().toArray()));
        }
        ps.setString(15, r.summary());
        ps.setString(16, r.convergence());
        ps.setString(17, r.convergedInto());
        ps.setString(18, r.convergenceKey());
        setInt(ps, 19, r.notificationCount());
        ps.setTimestamp(20, Timestamp.from(Instant.ofEpochMilli(r.openedAt())));
        ps.setTimestamp(21, Timestamp.from(Instant.ofEpochMilli(r.updatedAt())));
        setTime(ps, 22, r.resolvedAt());
        setTime(ps, 23, r.lastNotifiedAt());
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setTime(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(i, Timestamp.from(Instant.ofEpochMilli(v)));
        }
    }
}

package io.nightwatch.api.releases;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.api.releases.ReleaseViews.Command;
import io.nightwatch.api.releases.ReleaseViews.Escalation;
import io.nightwatch.api.releases.ReleaseViews.Event;
import io.nightwatch.api.releases.ReleaseViews.Instance;
import io.nightwatch.api.releases.ReleaseViews.MetricVerdict;
import io.nightwatch.api.releases.ReleaseViews.ReleaseDetail;
import io.nightwatch.api.releases.ReleaseViews.ReleaseSummary;
import io.nightwatch.api.releases.ReleaseViews.Stage;
import io.nightwatch.api.releases.ReleaseViews.Suspicion;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads releases, their stages and canary verdicts, history, commands, suspicions, escalations and instance
 * versions from PostgreSQL (written by the canary job's projection of {@code nw.releases} and its judge).
 */
public final class ReleaseRepository {

    private static final String SUMMARY = """
            SELECT r.*, EXISTS (SELECT 1 FROM release_suspicions s WHERE s.release_id = r.id) AS any_suspicion
            FROM releases r
            """;

    private final Jdbi jdbi;

    public ReleaseRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Releases, newest change first, optionally of one service and/or in one status. */
    public List<ReleaseSummary> list(String service, String status, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SUMMARY + """
                        WHERE (CAST(:service AS text) IS NULL OR r.service = :service)
                          AND (CAST(:status AS text) IS NULL OR r.status = :status)
                        ORDER BY r.updated_at DESC, r.id LIMIT :limit
                        """)
                .bind("service", service).bind("status", status).bind("limit", limit)
                .map((rs, ctx) -> summary(rs)).list());
    }

    /** One release with everything about it, or empty. */
    public Optional<ReleaseDetail> get(String id) {
        return jdbi.withHandle(h -> {
            Optional<ReleaseSummary> release = h.createQuery(SUMMARY + " WHERE r.id = :id").bind("id", id)
                    .map((rs, ctx) -> summary(rs)).findOne();
            if (release.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ReleaseDetail(release.get(), stages(h, id), events(h, id), commands(h, id),
                    suspicions(h, id), escalations(h, id), instances(h, release.get().service())));
        });
    }

    /** Whether the release exists in the projection. */
    public boolean exists(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM releases WHERE id = :id)")
                .bind("id", id).mapTo(Boolean.class).one());
    }

    /** Instances and their versions, of one service or all, in service and natural instance order. */
    public List<Instance> instances(String service) {
        return jdbi.withHandle(h -> instances(h, service));
    }

    private static List<Instance> instances(Handle h, String service) {
        return h.createQuery("""
                        SELECT * FROM instances WHERE CAST(:service AS text) IS NULL OR service = :service
                        ORDER BY service, length(instance), instance
                        """)
                .bind("service", service)
                .map((rs, ctx) -> new Instance(rs.getString("service"), rs.getString("instance"),
                        rs.getString("version"), rs.getString("release_id"), instant(rs, "version_since"),
                        instant(rs, "updated_at")))
                .list();
    }

    private static List<Stage> stages(Handle h, String id) {
        Map<Integer, List<MetricVerdict>> verdicts = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM canary_verdicts WHERE release_id = :id ORDER BY stage, metric").bind("id", id)
                .map((rs, ctx) -> verdicts.computeIfAbsent(rs.getInt("stage"), s -> new ArrayList<>())
                        .add(new MetricVerdict(rs.getString("metric"), rs.getString("classification"),
                                rs.getBoolean("critical"), rs.getString("decided_by"), rs.getInt("canary_count"),
                                rs.getInt("baseline_count"), rs.getString("reason"), texts(rs.getArray("groups")),
                                rs.getBoolean("muted"), json(rs.getString("statistics")))))
                .list();
        return h.createQuery("SELECT * FROM release_stages WHERE release_id = :id ORDER BY stage").bind("id", id)
                .map((rs, ctx) -> new Stage(rs.getInt("stage"), rs.getString("status"),
                        texts(rs.getArray("canary_instances")), texts(rs.getArray("baseline_instances")),
                        texts(rs.getArray("done_instances")), rs.getLong("analysis_window_seconds"),
                        nullable(rs, "pass_threshold"), nullable(rs, "marginal_threshold"), instant(rs, "started_at"),
                        instant(rs, "ended_at"), rs.getString("verdict"), nullable(rs, "score"),
                        rs.getString("verdict_reason"), instant(rs, "window_start"), instant(rs, "window_end"),
                        instant(rs, "judged_at"), json(rs.getString("group_scores")),
                        verdicts.getOrDefault(rs.getInt("stage"), List.of())))
                .list();
    }

    private static List<Event> events(Handle h, String id) {
        return h.createQuery("SELECT * FROM release_events WHERE release_id = :id ORDER BY at, event_id")
                .bind("id", id)
                .map((rs, ctx) -> new Event(rs.getString("event_id"), rs.getString("status"), rs.getInt("stage"),
                        rs.getString("reason"), instant(rs, "at")))
                .list();
    }

    private static List<Command> commands(Handle h, String id) {
        return h.createQuery("SELECT * FROM commands WHERE release_id = :id ORDER BY created_at, command_id")
                .bind("id", id)
                .map((rs, ctx) -> new Command(rs.getString("command_id"), rs.getString("action"),
                        rs.getString("target"), rs.getString("status"), rs.getString("reason"), rs.getString("result"),
                        rs.getString("issued_by"), instant(rs, "created_at"), instant(rs, "updated_at")))
                .list();
    }

    private static List<Suspicion> suspicions(Handle h, String id) {
        return h.createQuery("SELECT * FROM release_suspicions WHERE release_id = :id ORDER BY alert_at, instance")
                .bind("id", id)
                .map((rs, ctx) -> new Suspicion(rs.getString("instance"), rs.getString("alert_name"),
                        rs.getString("severity"), rs.getString("alert_fingerprint"),
                        instant(rs, "version_changed_at"), instant(rs, "alert_at"), rs.getString("reason")))
                .list();
    }

    private static List<Escalation> escalations(Handle h, String id) {
        return h.createQuery("""
                        SELECT * FROM incident_events WHERE type = 'ESCALATED' AND attributes ->> 'release' = :id
                        ORDER BY at, event_id
                        """)
                .bind("id", id)
                .map((rs, ctx) -> new Escalation(rs.getString("event_id"), rs.getString("incident_id"),
                        rs.getString("title"), rs.getString("severity"), instant(rs, "at")))
                .list();
    }

    private static ReleaseSummary summary(ResultSet rs) throws SQLException {
        return new ReleaseSummary(rs.getString("id"), rs.getString("service"), rs.getString("version"),
                rs.getString("from_version"), rs.getString("status"), rs.getInt("stage"), rs.getInt("stage_count"),
                rs.getString("reason"), rs.getBoolean("suspect") || rs.getBoolean("any_suspicion"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JSON in the database", e);
        }
    }
}

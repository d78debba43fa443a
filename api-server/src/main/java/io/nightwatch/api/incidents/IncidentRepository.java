package io.nightwatch.api.incidents;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nightwatch.schemas.Json;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Reads incidents and their event log from PostgreSQL (written by the incidents job). */
public final class IncidentRepository {

    /**
     * Steps at the same instant in pipeline order: notification, enrichment, convergence, an operator's decision,
     * analysis request, the analyzer's steps, fallback and result, the guard's verdict, command held, issued, answered,
     * escalation, end.
     */
    static final String STEP_ORDER = """
            CASE type WHEN 'OPENED' THEN 0 WHEN 'NOTIFIED' THEN 1 WHEN 'ENRICHED' THEN 2 WHEN 'CONVERGED' THEN 3
                      WHEN 'APPROVED' THEN 4 WHEN 'REJECTED' THEN 4 WHEN 'EXPIRED' THEN 4 WHEN 'ANALYSIS_REQUESTED' THEN 5
                      WHEN 'ANALYZER_STEP' THEN 6 WHEN 'ANALYZER_FALLBACK' THEN 7 WHEN 'ANALYZED' THEN 8
                      WHEN 'GUARD_VERDICT' THEN 9 WHEN 'COMMAND_HELD' THEN 10 WHEN 'COMMAND_ISSUED' THEN 11
                      WHEN 'COMMAND_RESULT' THEN 12 WHEN 'ESCALATED' THEN 13 WHEN 'RESOLVED' THEN 19 ELSE 14 END""";
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final Jdbi jdbi;

    public IncidentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The filters of the incident list. */
    public record Filter(String status, String service, String severity, boolean topLevelOnly, int limit) {}

    /** Open incidents first, then the most urgent, then the newest. */
    public List<IncidentView> list(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT * FROM incidents WHERE true");
        if (f.status() != null) {
            sql.append(" AND status = :status");
        }
        if (f.service() != null) {
            sql.append(" AND service = :service");
        }
        if (f.severity() != null) {
            sql.append(" AND severity = :severity");
        }
        if (f.topLevelOnly()) {
            sql.append(" AND converged_into IS NULL");
        }
        sql.append(" ORDER BY (status = 'open') DESC, priority NULLS LAST, opened_at DESC, id LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("limit", f.limit());
            if (f.status() != null) {
                q.bind("status", f.status());
            }
            if (f.service() != null) {
                q.bind("service", f.service());
            }
            if (f.severity() != null) {
                q.bind("severity", f.severity());
            }
            return q.map((rs, ctx) -> incident(rs)).list();
        });
    }

    public Optional<IncidentView> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM incidents WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> incident(rs)).findOne());
    }

    /** The incidents a summary collected. */
    public List<IncidentView> members(String summaryId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM incidents WHERE converged_into = :id ORDER BY opened_at, id")
                .bind("id", summaryId).map((rs, ctx) -> incident(rs)).list());
    }

    /** The incident's event log, oldest first (steps of one instant in pipeline order), at most {@code limit}. */
    public List<EventView> events(String incidentId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM incident_events WHERE incident_id = :id ORDER BY at, "
                        + STEP_ORDER + ", event_id LIMIT :limit")
                .bind("id", incidentId).bind("limit", limit)
                .map((rs, ctx) -> new EventView(rs.getString("event_id"), rs.getString("type"),
                        rs.getTimestamp("at").toInstant(), rs.getString("title"), rs.getString("severity"),
                        strings(rs.getArray("alert_fingerprints")), map(rs.getString("attributes")), tree(rs.getString("detail"))))
                .list());
    }

    private static IncidentView incident(ResultSet rs) throws SQLException {
        return new IncidentView(rs.getString("id"), rs.getString("kind"), rs.getString("title"), rs.getString("service"),
                rs.getString("severity"), (Integer) rs.getObject("priority"), rs.getString("status"), rs.getString("route"),
                rs.getString("group_key"), rs.getString("release_id"), rs.getInt("alert_count"), rs.getInt("firing_count"),
                map(rs.getString("labels")), strings(rs.getArray("instances")), rs.getString("summary"),
                rs.getString("convergence"), rs.getString("converged_into"), rs.getInt("notification_count"),
                instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("resolved_at")), instant(rs.getTimestamp("last_notified_at")));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }

    private static Map<String, String> map(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(json, STRING_MAP);
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

package io.nightwatch.api.commands;

import io.nightwatch.schemas.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Reads {@code commands} (written by the canary and incidents jobs). */
public final class CommandRepository {

    private final Jdbi jdbi;

    public CommandRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The filters of the command list (null: any). */
    public record Filter(String incident, String status, String kind, String service, int limit) {}

    /** Newest first. */
    public List<CommandView> list(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT * FROM commands WHERE true");
        if (f.incident() != null) {
            sql.append(" AND incident_id = :incident");
        }
        if (f.status() != null) {
            sql.append(" AND status = :status");
        }
        if (f.kind() != null) {
            sql.append(" AND kind = :kind");
        }
        if (f.service() != null) {
            sql.append(" AND service = :service");
        }
        sql.append(" ORDER BY created_at DESC, command_id LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("limit", f.limit());
            if (f.incident() != null) {
                q.bind("incident", f.incident());
            }
            if (f.status() != null) {
                q.bind("status", f.status());
            }
            if (f.kind() != null) {
                q.bind("kind", f.kind());
            }
            if (f.service() != null) {
                q.bind("service", f.service());
            }
            return q.map((rs, ctx) -> view(rs)).list();
        });
    }

    public Optional<CommandView> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM commands WHERE command_id = :id").bind("id", id)
                .map((rs, ctx) -> view(rs)).findOne());
    }

    private static CommandView view(ResultSet rs) throws SQLException {
        com.fasterxml.jackson.databind.JsonNode payload;
        try {
            payload = Json.mapper().readTree(rs.getString("payload"));
        } catch (java.io.IOException e) {
            payload = null;
        }
        return new CommandView(rs.getString("command_id"), rs.getString("kind"), rs.getString("action"),
                rs.getString("service"), rs.getString("target"), rs.getString("release_id"), rs.getString("incident_id"),
                rs.getString("reason"), rs.getBoolean("requires_approval"), rs.getString("status"), rs.getString("issued_by"),
                payload, rs.getString("result"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

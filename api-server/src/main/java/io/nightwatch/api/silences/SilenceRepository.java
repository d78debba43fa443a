package io.nightwatch.api.silences;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.Matcher;
import io.nightwatch.schemas.Silence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Stores silences in {@code silences} (the API's record of them; the job reads the compacted topic). */
public final class SilenceRepository {

    private static final TypeReference<List<Matcher>> MATCHERS = new TypeReference<>() {};
    private final Jdbi jdbi;

    public SilenceRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Inserts or replaces a silence inside a caller's transaction. */
    public void upsert(Handle h, Silence s) {
        h.createUpdate("""
                        INSERT INTO silences (id, matchers, starts_at, ends_at, created_by, comment, updated_at)
                        VALUES (:id, CAST(:matchers AS jsonb), :startsAt, :endsAt, :createdBy, :comment, :updatedAt)
                        ON CONFLICT (id) DO UPDATE SET matchers = EXCLUDED.matchers, starts_at = EXCLUDED.starts_at,
                            ends_at = EXCLUDED.ends_at, created_by = EXCLUDED.created_by, comment = EXCLUDED.comment,
                            updated_at = EXCLUDED.updated_at
                        """)
                .bind("id", s.id()).bind("matchers", Json.toString(s.matchers()))
                .bind("startsAt", Timestamp.from(s.startsAt())).bind("endsAt", Timestamp.from(s.endsAt()))
                .bind("createdBy", s.createdBy()).bind("comment", s.comment())
                .bind("updatedAt", Timestamp.from(s.updatedAt()))
                .execute();
    }

    public Optional<Silence> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM silences WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> silence(rs)).findOne());
    }

    /** Newest first, at most {@code limit}. */
    public List<Silence> list(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM silences ORDER BY updated_at DESC, id LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> silence(rs)).list());
    }

    private static Silence silence(ResultSet rs) throws SQLException {
        return new Silence(rs.getString("id"), parse(rs.getString("matchers")), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                rs.getString("created_by"), rs.getString("comment"), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<Matcher> parse(String json) {
        try {
            return Json.mapper().readValue(json, MATCHERS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

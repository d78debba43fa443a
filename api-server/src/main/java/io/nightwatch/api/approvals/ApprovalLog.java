package io.nightwatch.api.approvals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The audit trail of operators' decisions ({@code approvals}): incidents, commands and rule changes held for approval. */
public final class ApprovalLog {

    public static final String INSERT = """
            INSERT INTO approvals (subject, subject_id, incident_id, decision, decided_by, comment, at)
            VALUES (:subject, :id, :incident, :decision, :by, :comment, :at)""";

    private final Jdbi jdbi;

    public ApprovalLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One decision recorded. */
    public record Entry(String subject, String subjectId, String incidentId, String decision, String decidedBy,
            String comment, Instant at) {}

    public void record(Entry e) {
        jdbi.useHandle(h -> insert(h, e));
    }

    /** Records a decision inside a transaction the caller holds. */
    public static void insert(Handle h, Entry e) {
        h.createUpdate(INSERT).bind("subject", e.subject()).bind("id", e.subjectId()).bind("incident", e.incidentId())
                .bind("decision", e.decision()).bind("by", e.decidedBy()).bind("comment", e.comment())
                .bind("at", Timestamp.from(e.at())).execute();
    }

    /** The decisions on one subject, oldest first. */
    public List<Entry> of(String subject, String subjectId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM approvals WHERE subject = :s AND subject_id = :id ORDER BY at, id""")
                .bind("s", subject).bind("id", subjectId)
                .map((rs, ctx) -> new Entry(rs.getString("subject"), rs.getString("subject_id"), rs.getString("incident_id"),
                        rs.getString("decision"), rs.getString("decided_by"), rs.getString("comment"),
                        rs.getTimestamp("at").toInstant()))
                .list());
    }
}

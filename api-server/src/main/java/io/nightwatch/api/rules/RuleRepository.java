package io.nightwatch.api.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nightwatch.api.alerts.PublishFailed;
import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.RuleSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The rule store's tables: every version of every rule ({@code alert_rules}) and every change ({@code rule_changes}).
 * Writes run inside {@link #inRuleTransaction}, which serializes the changes of one rule (a transaction-scoped
 * advisory lock on its id), so two operators or an operator and a command never make the same version twice.
 */
public final class RuleRepository {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private final Jdbi jdbi;

    public RuleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Work on one rule, alone: every other change of the same rule waits until this transaction ends. */
    public <T> T inRuleTransaction(String ruleId, RuleWork<T> work) throws PublishFailed {
        return jdbi.<T, PublishFailed>inTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "rule:" + ruleId);
            return work.run(new Tx(h));
        });
    }

    /** A unit of work inside a rule's transaction. */
    @FunctionalInterface
    public interface RuleWork<T> {
        T run(Tx tx) throws PublishFailed;
    }

    /** The newest version of every rule (deleted ones included, marked), by id. */
    public List<StoredRule> currentRules() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT DISTINCT ON (id) * FROM alert_rules ORDER BY id, version DESC""")
                .map((rs, ctx) -> stored(rs)).list());
    }

    public Optional<StoredRule> current(String id) {
        return jdbi.withHandle(h -> new Tx(h).current(id));
    }

    /** Every version of a rule, newest first. */
    public List<StoredRule> versions(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM alert_rules WHERE id = :id ORDER BY version DESC")
                .bind("id", id).map((rs, ctx) -> stored(rs)).list());
    }

    /** The changes of a rule, newest first. */
    public List<RuleChangeView> changes(String id, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM rule_changes WHERE rule_id = :id ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .bind("id", id).bind("limit", limit).map((rs, ctx) -> change(rs)).list());
    }

    /** The change a command made (or asked for), if the store has seen the command. */
    public Optional<RuleChangeView> changeOfCommand(String commandId) {
        return jdbi.withHandle(h -> new Tx(h).changeOfCommand(commandId));
    }

    /** Statements inside a rule's transaction. */
    public static final class Tx {
        private final Handle h;

        Tx(Handle h) {
            this.h = h;
        }

        public Optional<StoredRule> current(String id) {
            return h.createQuery("SELECT * FROM alert_rules WHERE id = :id ORDER BY version DESC LIMIT 1")
                    .bind("id", id).map((rs, ctx) -> stored(rs)).findOne();
        }

        public Optional<StoredRule> version(String id, int version) {
            return h.createQuery("SELECT * FROM alert_rules WHERE id = :id AND version = :v")
                    .bind("id", id).bind("v", version).map((rs, ctx) -> stored(rs)).findOne();
        }

        public void insert(StoredRule r) {
            h.createUpdate("""
                            INSERT INTO alert_rules (id, version, rule, policy, deleted, created_by, reason, created_at)
                            VALUES (:id, :version, CAST(:rule AS jsonb), :policy, :deleted, :by, :reason, :at)""")
                    .bind("id", r.id()).bind("version", r.version()).bind("rule", Json.toString(r.rule()))
                    .bind("policy", r.policy()).bind("deleted", r.deleted()).bind("by", r.createdBy())
                    .bind("reason", r.reason()).bind("at", Timestamp.from(r.createdAt())).execute();
        }

        public Optional<RuleChangeView> changeOfCommand(String commandId) {
            return h.createQuery("SELECT * FROM rule_changes WHERE command_id = :c").bind("c", commandId)
                    .map((rs, ctx) -> change(rs)).findOne();
        }

        /** Records a change; returns its id. */
        public long insertChange(NewChange c) {
            return h.createUpdate("""
                            INSERT INTO rule_changes (rule_id, command_id, kind, from_version, to_version, old_threshold,
                                new_threshold, old_for_seconds, new_for_seconds, old_enabled, new_enabled, reason, evidence,
                                incident_id, requested_by, status, decided_by, decision_note, created_at, decided_at)
                            VALUES (:rule, :command, :kind, :fromV, :toV, :oldT, :newT, :oldF, :newF, :oldE, :newE, :reason,
                                CAST(:evidence AS jsonb), :incident, :by, :status, :decidedBy, :note, :at, :decidedAt)""")
                    .bind("rule", c.ruleId()).bind("command", c.commandId()).bind("kind", c.kind())
                    .bind("fromV", c.fromVersion()).bind("toV", c.toVersion())
                    .bind("oldT", c.from() == null ? null : finite(c.from().threshold()))
                    .bind("newT", c.to() == null ? null : finite(c.to().threshold()))
                    .bind("oldF", c.from() == null ? null : c.from().forSeconds())
                    .bind("newF", c.to() == null ? null : c.to().forSeconds())
                    .bind("oldE", c.from() == null ? null : c.from().enabled())
                    .bind("newE", c.to() == null ? null : c.to().enabled())
                    .bind("reason", c.reason()).bind("evidence", Json.toString(c.evidence() == null ? Map.of() : c.evidence()))
                    .bind("incident", c.incidentId()).bind("by", c.requestedBy()).bind("status", c.status())
                    .bind("decidedBy", c.decidedBy()).bind("note", c.note()).bind("at", Timestamp.from(c.at()))
                    .bind("decidedAt", c.status().equals("pending") ? null : Timestamp.from(c.at()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        }

        /** Decides a pending change: applied (with the version it made), rejected or refused. */
        public void decide(long changeId, String status, Integer toVersion, String by, String note, Instant at) {
            h.createUpdate("""
                            UPDATE rule_changes SET status = :status, to_version = :toV, decided_by = :by,
                                decision_note = :note, decided_at = :at WHERE id = :id""")
                    .bind("status", status).bind("toV", toVersion).bind("by", by).bind("note", note)
                    .bind("at", Timestamp.from(at)).bind("id", changeId).execute();
        }

        /** Records an operator's decision in the audit trail ({@code approvals}), in this transaction. */
        public void approval(String subject, String subjectId, String incidentId, String decision, String by, String comment,
                Instant at) {
            io.nightwatch.api.approvals.ApprovalLog.insert(h, new io.nightwatch.api.approvals.ApprovalLog.Entry(subject,
                    subjectId, incidentId, decision, by, comment, at));
        }
    }

    /** A change to record. */
    public record NewChange(String ruleId, String commandId, String kind, Integer fromVersion, Integer toVersion,
            RuleSettings from, RuleSettings to, String reason, Map<String, String> evidence, String incidentId,
            String requestedBy, String status, String decidedBy, String note, Instant at) {}

    static StoredRule stored(ResultSet rs) throws SQLException {
        return new StoredRule(rs.getString("id"), rs.getInt("version"), Json.fromString(rs.getString("rule"), AlertRule.class),
                rs.getString("policy"), rs.getBoolean("deleted"), rs.getString("created_by"), rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant());
    }

    static RuleChangeView change(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new RuleChangeView(rs.getLong("id"), rs.getString("rule_id"), rs.getString("command_id"), rs.getString("kind"),
                (Integer) rs.getObject("from_version"), (Integer) rs.getObject("to_version"),
                (Double) rs.getObject("old_threshold"), (Double) rs.getObject("new_threshold"),
                (Long) rs.getObject("old_for_seconds"), (Long) rs.getObject("new_for_seconds"),
                (Boolean) rs.getObject("old_enabled"), (Boolean) rs.getObject("new_enabled"), rs.getString("reason"),
                map(rs.getString("evidence")), rs.getString("incident_id"), rs.getString("requested_by"),
                rs.getString("status"), rs.getString("decided_by"), rs.getString("decision_note"),
                rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant());
    }

    private static Map<String, String> map(String json) {
        try {
            return json == null ? Map.of() : Json.mapper().readValue(json, STRING_MAP);
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}

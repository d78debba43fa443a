package io.nightwatch.api.rules;

import io.nightwatch.api.alerts.PublishFailed;
import io.nightwatch.api.alerts.RecordPublisher;
import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.RuleChangeCommand;
import io.nightwatch.schemas.RuleCondition;
import io.nightwatch.schemas.RuleSettings;
import io.nightwatch.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule store: versions of alert rules in PostgreSQL, the current version of each on the compacted {@code nw.rules}
 * (which the metrics job reads as broadcast state). Operators create rules and new versions, delete (a tombstone) and
 * roll back; {@code RuleChangeCommand}s from {@code nw.commands.rules} are applied by the rule's policy — {@code auto}:
 * a new version at once; {@code approval}: pending until an operator approves — and answered on
 * {@code nw.commands.results} (EXECUTED, PENDING_APPROVAL, REJECTED, NOT_SUPPORTED, FAILED). Every change is a
 * {@code rule_changes} row: thresholds before and after, why, who or what. A change is committed in PostgreSQL only
 * after Kafka acknowledged what it publishes, so the table and the topic agree. Idempotent per command id.
 */
public final class RuleStore {

    private static final Logger LOG = LoggerFactory.getLogger(RuleStore.class);
    /** The {@code executor} of the store's answers. */
    public static final String EXECUTOR = "rule-store";

    private final RuleRepository rules;
    private final RecordPublisher publisher;
    private final String rulesTopic;
    private final String resultsTopic;
    private final Clock clock;

    public RuleStore(RuleRepository rules, RecordPublisher publisher, String rulesTopic, String resultsTopic, Clock clock) {
        this.rules = rules;
        this.publisher = publisher;
        this.rulesTopic = rulesTopic;
        this.resultsTopic = resultsTopic;
        this.clock = clock;
    }

    /** With the default topics. */
    public static RuleStore of(RuleRepository rules, RecordPublisher publisher, Clock clock) {
        return new RuleStore(rules, publisher, Topics.RULES, Topics.COMMAND_RESULTS, clock);
    }

    public RuleRepository repository() {
        return rules;
    }

    // ---- operators -------------------------------------------------------------------------------------------

    /** A new rule, or a new version of one (an operator's edit). */
    public StoredRule save(RuleBody b, String by) throws PublishFailed {
        return inTransaction(b.id(), tx -> {
            Optional<StoredRule> current = tx.current(b.id());
            int next = current.map(r -> r.version() + 1).orElse(1);
            if (b.version() != null && b.version() != next) {
                throw new RuleConflict("rule " + b.id() + " is at version " + (next - 1) + ": the new version would be "
                        + next + ", not " + b.version() + " (someone changed it meanwhile; reload and retry)");
            }
            Instant now = clock.instant();
            String policy = b.policy() != null ? b.policy()
                    : current.map(StoredRule::policy).orElse(StoredRule.AUTO);
            AlertRule rule = new AlertRule(b.id(), next, b.name(), b.metric(), b.resolution(), b.filters(), b.condition(),
                    b.forSeconds() == null ? 0 : b.forSeconds(), b.severity() == null ? "warning" : b.severity(),
                    b.enabled() == null || b.enabled(), b.labels(), b.annotations(), now);
            StoredRule stored = new StoredRule(b.id(), next, rule, policy, false, by, b.reason(), now);
            tx.insert(stored);
            RuleSettings from = current.filter(r -> !r.deleted()).map(r -> settings(r.rule())).orElse(null);
            tx.insertChange(new RuleRepository.NewChange(b.id(), null, current.isEmpty() || current.get().deleted()
                    ? "create" : "edit", current.map(StoredRule::version).orElse(null), next, from, settings(rule),
                    b.reason(), Map.of(), null, by, "applied", by, null, now));
            publishRule(stored);
            return stored;
        });
    }

    /** Deletes a rule: a tombstone version (kept, so it can be rolled back) and a tombstone on {@code nw.rules}. */
    public StoredRule delete(String id, String by, String reason) throws PublishFailed {
        return inTransaction(id, tx -> {
            StoredRule current = live(tx, id);
            Instant now = clock.instant();
            StoredRule tombstone = new StoredRule(id, current.version() + 1, current.rule(), current.policy(), true, by,
                    reason, now);
            tx.insert(tombstone);
            tx.insertChange(new RuleRepository.NewChange(id, null, "delete", current.version(), tombstone.version(),
                    settings(current.rule()), null, reason, Map.of(), null, by, "applied", by, null, now));
            publishRule(tombstone);
            return tombstone;
        });
    }

    /** Rolls a rule back to an earlier version: a new version with that version's content (a deleted rule comes back). */
    public StoredRule rollback(String id, int version, String by, String reason) throws PublishFailed {
        return inTransaction(id, tx -> {
            StoredRule current = tx.current(id).orElseThrow(() -> new RuleMissing("no rule with id '" + id + "'"));
            StoredRule target = tx.version(id, version).orElseThrow(() -> new RuleMissing("rule " + id + " has no version "
                    + version + " (versions 1.." + current.version() + ")"));
            if (version == current.version()) {
                throw new RuleConflict("rule " + id + " is at version " + version + " already");
            }
            Instant now = clock.instant();
            int next = current.version() + 1;
            AlertRule rule = withVersion(target.rule(), next, now);
            StoredRule stored = new StoredRule(id, next, rule, target.policy(), false, by,
                    reason == null ? "rollback to version " + version : reason, now);
            tx.insert(stored);
            tx.insertChange(new RuleRepository.NewChange(id, null, "rollback", current.version(), next,
                    current.deleted() ? null : settings(current.rule()), settings(rule),
                    "rollback to version " + version + (reason == null ? "" : ": " + reason), Map.of(), null, by,
                    "applied", by, null, now));
            publishRule(stored);
            return stored;
        });
    }

    /** Publishes the current version of every rule (a tombstone for a deleted one): done at every start. */
    public int seed() throws PublishFailed {
        List<RecordPublisher.Outgoing> out = new ArrayList<>();
        for (StoredRule r : rules.currentRules()) {
            out.add(ruleRecord(r));
        }
        if (!out.isEmpty()) {
            publisher.publishAll(out);
        }
        return out.size();
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    /**
     * Applies a {@code RuleChangeCommand} by its rule's policy and answers it. A command seen before is answered again
     * as the first time (nothing is changed twice). The command's {@code from} must still be what the rule holds;
     * otherwise the rule moved on since the proposal and the change is refused.
     */
    public CommandResult apply(RuleChangeCommand c) throws PublishFailed {
        String requestedBy = c.issuedBy() == null ? "unknown" : c.issuedBy();
        return inTransaction(c.ruleId(), tx -> {
            Optional<RuleChangeView> seen = tx.changeOfCommand(c.commandId());
            if (seen.isPresent()) {
                CommandResult again = answerOf(c.commandId(), seen.get());
                publisher.publishAll(List.of(resultRecord(again)));
                return again;
            }
            Instant now = clock.instant();
            Optional<StoredRule> current = tx.current(c.ruleId());
            RuleSettings held = current.filter(r -> !r.deleted()).map(r -> settings(r.rule())).orElse(null);
            String refusal = null;
            CommandOutcome outcome = CommandOutcome.NOT_SUPPORTED;
            if (current.isEmpty()) {
                refusal = "rule " + c.ruleId() + " is not in the rule store";
            } else if (current.get().deleted()) {
                refusal = "rule " + c.ruleId() + " was deleted (version " + current.get().version() + ")";
            } else if (!sameSettings(held, c.from())) {
                refusal = "rule " + c.ruleId() + " changed since the proposal (proposed against version " + c.fromVersion()
                        + " " + describe(c.from()) + ", now version " + current.get().version() + " " + describe(held) + ")";
                outcome = CommandOutcome.FAILED;
            } else if (c.to() == null || sameSettings(held, c.to())) {
                refusal = "the change leaves rule " + c.ruleId() + " as it is";
                outcome = CommandOutcome.FAILED;
            }
            Map<String, String> evidence = c.evidence();
            if (refusal != null) {
                tx.insertChange(new RuleRepository.NewChange(c.ruleId(), c.commandId(), "command",
                        current.map(StoredRule::version).orElse(null), null, held, c.to(), c.reason(), evidence, c.incident(),
                        requestedBy, "refused", EXECUTOR, refusal, now));
                CommandResult r = result(c.commandId(), outcome, c.ruleId(), refusal, now);
                publisher.publishAll(List.of(resultRecord(r)));
                return r;
            }
            StoredRule rule = current.get();
            String approvedBy = evidence.get("approvedBy");
            if (StoredRule.APPROVAL.equals(rule.policy()) && approvedBy == null) {
                tx.insertChange(new RuleRepository.NewChange(c.ruleId(), c.commandId(), "command", rule.version(), null,
                        held, c.to(), c.reason(), evidence, c.incident(), requestedBy, "pending", null, null, now));
                CommandResult r = result(c.commandId(), CommandOutcome.PENDING_APPROVAL, c.ruleId(), "rule " + c.ruleId()
                        + " changes only with an operator's approval (policy approval): " + describe(held) + " -> "
                        + describe(c.to()) + "; POST /api/commands/" + c.commandId() + "/approve", now);
                publisher.publishAll(List.of(resultRecord(r)));
                return r;
            }
            String decidedBy = approvedBy != null ? approvedBy : "policy:auto";
            StoredRule next = nextVersion(rule, c.to(), requestedBy, c.reason(), now);
            tx.insert(next);
            tx.insertChange(new RuleRepository.NewChange(c.ruleId(), c.commandId(), "command", rule.version(),
                    next.version(), held, c.to(), c.reason(), evidence, c.incident(), requestedBy, "applied", decidedBy, null,
                    now));
            CommandResult r = result(c.commandId(), CommandOutcome.EXECUTED, c.ruleId(), applied(rule, next), now);
            publisher.publishAll(List.of(ruleRecord(next), resultRecord(r)));
            return r;
        });
    }

    /** An operator's decision on a change that waits for approval. */
    public CommandResult decide(String commandId, boolean approve, String by, String comment)
            throws PublishFailed {
        RuleChangeView pending = rules.changeOfCommand(commandId)
                .orElseThrow(() -> new RuleMissing("no rule change for command '" + commandId + "'"));
        return inTransaction(pending.ruleId(), tx -> {
            RuleChangeView change = tx.changeOfCommand(commandId).orElseThrow();
            if (!"pending".equals(change.status())) {
                throw new RuleConflict("the change of command " + commandId + " is " + change.status() + ", not pending");
            }
            Instant now = clock.instant();
            tx.approval("rule_change", commandId, change.incidentId(), approve ? "approved" : "rejected", by, comment, now);
            String note = comment == null || comment.isBlank() ? null : comment;
            if (!approve) {
                tx.decide(change.id(), "rejected", null, by, note, now);
                CommandResult r = result(commandId, CommandOutcome.REJECTED, change.ruleId(), "rejected by " + by
                        + (note == null ? "" : ": " + note), now);
                publisher.publishAll(List.of(resultRecord(r)));
                return r;
            }
            StoredRule rule = tx.current(change.ruleId()).filter(r -> !r.deleted()).orElse(null);
            RuleSettings to = new RuleSettings(change.newThreshold() == null ? Double.NaN : change.newThreshold(),
                    change.newForSeconds() == null ? 0 : change.newForSeconds(),
                    change.newEnabled() == null || change.newEnabled());
            RuleSettings from = new RuleSettings(change.oldThreshold() == null ? Double.NaN : change.oldThreshold(),
                    change.oldForSeconds() == null ? 0 : change.oldForSeconds(),
                    change.oldEnabled() == null || change.oldEnabled());
            if (rule == null || !sameSettings(settings(rule.rule()), from)) {
                String why = rule == null ? "rule " + change.ruleId() + " no longer exists"
                        : "rule " + change.ruleId() + " changed since the proposal (now version " + rule.version() + ")";
                tx.decide(change.id(), "refused", null, by, why, now);
                CommandResult r = result(commandId, CommandOutcome.FAILED, change.ruleId(), why, now);
                publisher.publishAll(List.of(resultRecord(r)));
                return r;
            }
            StoredRule next = nextVersion(rule, to, change.requestedBy(), change.reason(), now);
            tx.insert(next);
            tx.decide(change.id(), "applied", next.version(), by, note, now);
            CommandResult r = result(commandId, CommandOutcome.EXECUTED, change.ruleId(), applied(rule, next)
                    + " (approved by " + by + ")", now);
            publisher.publishAll(List.of(ruleRecord(next), resultRecord(r)));
            return r;
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The settings a rule holds: its threshold, hold duration, enabled. */
    public static RuleSettings settings(AlertRule rule) {
        return new RuleSettings(rule.condition() == null ? Double.NaN : rule.condition().threshold(), rule.forSeconds(),
                rule.enabled());
    }

    private StoredRule nextVersion(StoredRule current, RuleSettings to, String by, String reason, Instant now) {
        AlertRule r = current.rule();
        RuleCondition c = r.condition();
        RuleCondition condition = new RuleCondition(c.kind(), c.field(), c.comparison(), to.threshold(), c.periodSeconds());
        AlertRule next = new AlertRule(r.id(), current.version() + 1, r.name(), r.metric(), r.resolution(), r.filters(),
                condition, to.forSeconds(), r.severity(), to.enabled(), r.labels(), r.annotations(), now);
        return new StoredRule(r.id(), next.version(), next, current.policy(), false, by, reason, now);
    }

    private static AlertRule withVersion(AlertRule r, int version, Instant now) {
        return new AlertRule(r.id(), version, r.name(), r.metric(), r.resolution(), r.filters(), r.condition(),
                r.forSeconds(), r.severity(), r.enabled(), r.labels(), r.annotations(), now);
    }

    private static StoredRule live(RuleRepository.Tx tx, String id) {
        StoredRule current = tx.current(id).orElseThrow(() -> new RuleMissing("no rule with id '" + id + "'"));
        if (current.deleted()) {
            throw new RuleMissing("rule " + id + " is deleted (version " + current.version() + "); roll it back to restore it");
        }
        return current;
    }

    private static String applied(StoredRule from, StoredRule to) {
        return "rule " + to.id() + " v" + from.version() + " -> v" + to.version() + ": " + describe(settings(from.rule()))
                + " -> " + describe(settings(to.rule()));
    }

    static String describe(RuleSettings s) {
        if (s == null) {
            return "(none)";
        }
        return String.format(Locale.ROOT, "threshold %s, for %ds%s", num(s.threshold()), s.forSeconds(),
                s.enabled() ? "" : ", disabled");
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static boolean sameSettings(RuleSettings a, RuleSettings b) {
        if (a == null || b == null) {
            return a == b;
        }
        boolean threshold = Double.compare(a.threshold(), b.threshold()) == 0
                || Math.abs(a.threshold() - b.threshold()) <= 1e-9 * Math.max(1, Math.abs(a.threshold()));
        return threshold && a.forSeconds() == b.forSeconds() && a.enabled() == b.enabled();
    }

    private static CommandResult answerOf(String commandId, RuleChangeView change) {
        CommandOutcome outcome = switch (change.status()) {
            case "applied" -> CommandOutcome.EXECUTED;
            case "pending" -> CommandOutcome.PENDING_APPROVAL;
            case "rejected" -> CommandOutcome.REJECTED;
            default -> change.decisionNote() != null && change.decisionNote().contains("changed since")
                    ? CommandOutcome.FAILED : CommandOutcome.NOT_SUPPORTED;
        };
        String message = switch (change.status()) {
            case "applied" -> "rule " + change.ruleId() + " v" + change.fromVersion() + " -> v" + change.toVersion()
                    + " (already applied)";
            case "pending" -> "rule " + change.ruleId() + " change waits for an operator's approval";
            default -> change.decisionNote();
        };
        Instant at = change.decidedAt() != null ? change.decidedAt() : change.createdAt();
        return new CommandResult(commandId, outcome, EXECUTOR, null, change.ruleId(), message, at);
    }

    private static CommandResult result(String commandId, CommandOutcome outcome, String ruleId, String message, Instant at) {
        return new CommandResult(commandId, outcome, EXECUTOR, null, ruleId, message, at);
    }

    private RecordPublisher.Outgoing ruleRecord(StoredRule r) {
        byte[] value = r.deleted() ? null : Json.toBytes(r.rule());
        return new RecordPublisher.Outgoing(rulesTopic, r.id(), value, clock.millis());
    }

    private RecordPublisher.Outgoing resultRecord(CommandResult r) {
        return new RecordPublisher.Outgoing(resultsTopic, r.commandId(), Json.toBytes(r), clock.millis());
    }

    private void publishRule(StoredRule r) throws PublishFailed {
        publisher.publishAll(List.of(ruleRecord(r)));
        LOG.info("rule {} version {}{} published", r.id(), r.version(), r.deleted() ? " (deleted)" : "");
    }

    private <T> T inTransaction(String id, RuleRepository.RuleWork<T> work) throws PublishFailed {
        return rules.inRuleTransaction(id, work);
    }
}

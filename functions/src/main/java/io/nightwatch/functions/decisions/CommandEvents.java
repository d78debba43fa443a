package io.nightwatch.functions.decisions;

import io.nightwatch.functions.canary.commands.CommandRow;
import io.nightwatch.functions.canary.commands.CommandRows;
import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.RuleChangeCommand;
import io.nightwatch.schemas.analysis.Text;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's entries in the incident's event log and its {@code commands} rows, at each step: held for approval,
 * approved or rejected (by whom), expired, issued, answered by its executor, escalated. Event ids are
 * {@code <commandId>:<STEP>} (an answer: {@code <commandId>:COMMAND_RESULT:<OUTCOME>}), stable across replays. Pure.
 */
public final class CommandEvents {

    private CommandEvents() {}

    public static IncidentEvent held(IncidentCommand c) {
        Map<String, String> a = base(c);
        a.put("expiresAt", String.valueOf(c.expiresAt()));
        a.put("reason", Text.cut(String.valueOf(c.reason()), 300));
        return event(c, IncidentEventType.COMMAND_HELD, c.createdAt(), a, Json.toString(c.payload()));
    }

    public static IncidentEvent issued(IncidentCommand c, Object published, Instant at) {
        Map<String, String> a = base(c);
        a.put("topic", IncidentCommand.HEALING.equals(c.kind()) ? "healing" : "rules");
        a.put("reason", Text.cut(String.valueOf(c.reason()), 300));
        return event(c, IncidentEventType.COMMAND_ISSUED, at, a, Json.toString(published));
    }

    /** An operator's decision on a held command ({@code APPROVED} or {@code REJECTED}), with who and why. */
    public static IncidentEvent decided(IncidentCommand c, IncidentEvent approval) {
        Map<String, String> a = base(c);
        a.put("by", approval.attributes().getOrDefault("by", "unknown"));
        String comment = approval.attributes().get("comment");
        if (comment != null && !comment.isBlank()) {
            a.put("comment", Text.cut(comment, 500));
        }
        return event(c, approval.type(), approval.at(), a, null);
    }

    public static IncidentEvent expired(IncidentCommand c, Instant at) {
        Map<String, String> a = base(c);
        a.put("reason", "no approval before " + c.expiresAt());
        return event(c, IncidentEventType.EXPIRED, at, a, null);
    }

    public static IncidentEvent result(IncidentCommand c, CommandResult r) {
        Map<String, String> a = base(c);
        a.put("outcome", r.outcome().name());
        a.put("executor", String.valueOf(r.executor()));
        if (r.message() != null) {
            a.put("message", Text.cut(r.message(), 500));
        }
        return new IncidentEvent(c.commandId() + ":" + IncidentEventType.COMMAND_RESULT + ":" + r.outcome(), c.incidentId(),
                IncidentEventType.COMMAND_RESULT, r.at(), c.service(), c.title(), c.severity(), null, List.of(), a,
                Json.toString(r));
    }

    /** The hand-over to a human of a command its executor could not carry out (NOT_SUPPORTED). */
    public static IncidentEvent escalated(IncidentCommand c, CommandResult r) {
        Map<String, String> a = base(c);
        a.put("outcome", r.outcome().name());
        a.put("executor", String.valueOf(r.executor()));
        a.put("reason", Text.cut(String.valueOf(r.message()), 500));
        a.put("by", "executor");
        if (c.release() != null) {
            a.put("release", c.release());
        }
        return event(c, IncidentEventType.ESCALATED, r.at(), a, Json.toString(Map.of("command", c.payload(), "result", r)));
    }

    /** The command as published after an operator approved it: the approver is named in it. */
    public static Object approvedPayload(IncidentCommand c, String by) {
        if (c.healing() != null) {
            HealingCommand h = c.healing();
            Map<String, String> p = new LinkedHashMap<>(h.parameters());
            p.put("approvedBy", by);
            return new HealingCommand(h.commandId(), h.action(), h.service(), h.target(), h.release(), h.reason(),
                    h.incident(), h.requiresApproval(), h.createdAt(), h.expiresAt(), h.issuedBy(), p);
        }
        RuleChangeCommand r = c.rule();
        Map<String, String> e = new LinkedHashMap<>(r.evidence());
        e.put("approvedBy", by);
        return new RuleChangeCommand(r.commandId(), r.ruleId(), r.fromVersion(), r.from(), r.to(), r.reason(), e,
                r.incident(), r.createdAt(), r.issuedBy());
    }

    /** The command's row in {@code commands} in {@code status} since {@code at}. */
    public static CommandRow row(IncidentCommand c, String status, String result, Instant at) {
        return new CommandRow(c.commandId(), c.kind(), c.action(), c.service(), c.target(), c.release(), c.incidentId(),
                Text.cut(c.reason(), 2000), c.requiresApproval(), status, c.issuedBy(), Json.toString(c.payload()), result,
                c.createdAt(), c.expiresAt(), at);
    }

    /** The row after an executor's answer. */
    public static CommandRow answered(IncidentCommand c, CommandResult r) {
        return row(c, CommandRows.status(r.outcome()), r.outcome() + (r.message() == null ? "" : ": " + r.message()), r.at());
    }

    /** Whether an answer hands the command to a human. */
    public static boolean escalates(CommandResult r) {
        return r.outcome() == CommandOutcome.NOT_SUPPORTED;
    }

    private static Map<String, String> base(IncidentCommand c) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(IncidentCommands.COMMAND_ID, c.commandId());
        a.put("kind", c.kind());
        a.put("action", c.action());
        a.put("target", c.target());
        return a;
    }

    private static IncidentEvent event(IncidentCommand c, IncidentEventType type, Instant at, Map<String, String> a,
            String detail) {
        return new IncidentEvent(c.commandId() + ":" + type, c.incidentId(), type, at, c.service(), c.title(), c.severity(),
                null, List.of(), a, detail);
    }
}

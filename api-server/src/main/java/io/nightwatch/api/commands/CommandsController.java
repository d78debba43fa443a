package io.nightwatch.api.commands;

import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import io.nightwatch.api.alerts.PublishFailed;
import io.nightwatch.api.approvals.ApprovalLog;
import io.nightwatch.api.approvals.Approvals;
import io.nightwatch.api.auth.AccessControl;
import io.nightwatch.api.http.BadRequest;
import io.nightwatch.api.http.NotFound;
import io.nightwatch.api.http.QueryParams;
import io.nightwatch.api.rules.RuleChangeView;
import io.nightwatch.api.rules.RuleStore;
import io.nightwatch.schemas.CommandResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Commands: the list (by incident, status, kind, service), one command with its rule change and the decisions taken on
 * it, and the operators' approval or rejection of a command that waits for one — held by the incidents job's guard
 * (the decision goes to the job through {@code nw.approvals}: 202) or by the rule store's approval policy (the store
 * applies or drops the change at once: 200).
 */
public final class CommandsController {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> STATUSES = Set.of("issued", "held", "rejected", "expired", "pending_approval",
            "executed", "not_supported", "failed");

    private final CommandRepository commands;
    private final Approvals approvals;
    private final ApprovalLog log;
    private final RuleStore rules;

    public CommandsController(CommandRepository commands, Approvals approvals, ApprovalLog log, RuleStore rules) {
        this.commands = commands;
        this.approvals = approvals;
        this.log = log;
        this.rules = rules;
    }

    /** {@code GET /api/commands?incident=&status=&kind=healing|rule&service=&limit=200}. */
    public void list(Context ctx) {
        String status = blankToNull(ctx.queryParam("status"));
        if (status != null && !STATUSES.contains(status)) {
            throw new BadRequest("query parameter 'status': one of " + STATUSES + ", got '" + status + "'");
        }
        String kind = blankToNull(ctx.queryParam("kind"));
        if (kind != null && !kind.equals("healing") && !kind.equals("rule")) {
            throw new BadRequest("query parameter 'kind': healing or rule, got '" + kind + "'");
        }
        int limit = QueryParams.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        ctx.json(commands.list(new CommandRepository.Filter(blankToNull(ctx.queryParam("incident")), status, kind,
                blankToNull(ctx.queryParam("service")), limit)));
    }

    /** {@code GET /api/commands/{id}}. */
    public void get(Context ctx) {
        CommandView c = existing(ctx.pathParam("id"));
        RuleChangeView change = "rule".equals(c.kind()) ? rules.repository().changeOfCommand(c.commandId()).orElse(null) : null;
        List<ApprovalLog.Entry> decisions = new ArrayList<>(log.of("command", c.commandId()));
        decisions.addAll(log.of("rule_change", c.commandId()));
        ctx.json(new CommandDetail(c, change, decisions));
    }

    /** {@code POST /api/commands/{id}/approve} {@code {"comment"?}}. */
    public void approve(Context ctx) {
        decide(ctx, true);
    }

    /** {@code POST /api/commands/{id}/reject} {@code {"comment"?}}. */
    public void reject(Context ctx) {
        decide(ctx, false);
    }

    private void decide(Context ctx, boolean approve) {
        CommandView c = existing(ctx.pathParam("id"));
        String comment = Approvals.comment(ctx.body());
        String by = AccessControl.caller(ctx).name();
        String decision = approve ? "approved" : "rejected";
        try {
            if ("held".equals(c.status())) {
                approvals.decide(new Approvals.Held(c.incidentId(), c.commandId(), c.service(), null, null, null), approve,
                        by, comment);
                Map<String, String> body = new LinkedHashMap<>();
                body.put("command", c.commandId());
                body.put("decision", decision);
                body.put("heldBy", "incidents job");
                ctx.status(202).json(body);
                return;
            }
            Optional<RuleChangeView> change = "rule".equals(c.kind())
                    ? rules.repository().changeOfCommand(c.commandId()) : Optional.empty();
            if (change.isPresent() && "pending".equals(change.get().status())) {
                CommandResult r = rules.decide(c.commandId(), approve, by, comment);
                Map<String, String> body = new LinkedHashMap<>();
                body.put("command", c.commandId());
                body.put("decision", decision);
                body.put("heldBy", "rule store");
                body.put("outcome", r.outcome().name());
                body.put("message", r.message());
                ctx.status(200).json(body);
                return;
            }
        } catch (PublishFailed e) {
            throw new ServiceUnavailableResponse("decision not recorded: " + e.getMessage());
        }
        throw new ConflictResponse("command " + c.commandId() + " is not waiting for approval (status: " + c.status() + ")");
    }

    private CommandView existing(String id) {
        return commands.find(id).orElseThrow(() -> new NotFound("no command with id '" + id + "'"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

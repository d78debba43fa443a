package io.nightwatch.functions.decisions;

import io.nightwatch.functions.guard.GuardVerdict;
import io.nightwatch.functions.guard.Verdict;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.HealingAction;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.analysis.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a guarded decision becomes: nothing when the guard rejected or escalated it or the action is NONE; a
 * {@link HealingCommand} for ROLLBACK_RELEASE, RESTART_INSTANCE, SCALE_OUT, SILENCE and NOTIFY; a {@link RuleProposal}
 * for ADJUST_RULE (completed with the rule's settings later). A held decision (HOLD_FOR_APPROVAL) becomes a command
 * that requires approval. Pure.
 */
public final class DecisionCommands {

    private final Duration expiry;

    /** Commands expire {@code expiry} after they were derived (and so does a hold for approval). */
    public DecisionCommands(Duration expiry) {
        this.expiry = expiry;
    }

    /** Whether the guard lets the decision become a command at all. */
    public static boolean passes(GuardedDecision d) {
        Verdict v = d.verdict().verdict();
        AnalysisDecision decision = d.result().decision();
        return (v == Verdict.ALLOW || v == Verdict.HOLD_FOR_APPROVAL) && decision != null && decision.action() != null
                && decision.action() != AnalysisAction.NONE && !Text.blank(decision.target());
    }

    /** The healing command of a decision that passed, for every action but ADJUST_RULE. */
    public Optional<IncidentCommand> healing(GuardedDecision d) {
        if (!passes(d) || d.result().decision().action() == AnalysisAction.ADJUST_RULE) {
            return Optional.empty();
        }
        AnalysisRequest q = d.request();
        AnalysisResult r = d.result();
        GuardVerdict v = d.verdict();
        AnalysisDecision decision = r.decision();
        HealingAction action = HealingAction.valueOf(decision.action().name());
        Instant created = v.at();
        Instant expires = created.plus(expiry);
        boolean approval = v.verdict() == Verdict.HOLD_FOR_APPROVAL;
        String id = IncidentCommands.commandId(q.incidentId(), decision.action(), decision.target());
        Map<String, String> parameters = new LinkedHashMap<>(decision.parameters());
        parameters.put("confidence", Text.num(r.confidence()));
        parameters.put("provider", String.valueOf(r.provider()));
        String release = q.release() == null ? null : q.release().release();
        HealingCommand c = new HealingCommand(id, action, q.service(), decision.target(),
                action == HealingAction.ROLLBACK_RELEASE ? decision.target() : release, reason(r), q.incidentId(),
                approval, created, expires, IncidentCommands.ISSUER, parameters);
        return Optional.of(new IncidentCommand(id, IncidentCommand.HEALING, q.incidentId(), q.service(), q.title(),
                q.severity(), action.name(), decision.target(), approval, created, expires, c, null));
    }

    /** The rule change an ADJUST_RULE decision that passed asks for. */
    public Optional<RuleProposal> ruleProposal(GuardedDecision d) {
        if (!passes(d) || d.result().decision().action() != AnalysisAction.ADJUST_RULE) {
            return Optional.empty();
        }
        AnalysisRequest q = d.request();
        AnalysisResult r = d.result();
        GuardVerdict v = d.verdict();
        String rule = r.decision().target();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("rootCause", Text.cut(String.valueOf(r.rootCause()), 400));
        evidence.put("confidence", Text.num(r.confidence()));
        evidence.put("provider", String.valueOf(r.provider()));
        for (int i = 0; i < r.evidence().size() && i < 5; i++) {
            evidence.put("evidence" + (i + 1), Text.cut(r.evidence().get(i), 300));
        }
        return Optional.of(new RuleProposal(IncidentCommands.commandId(q.incidentId(), AnalysisAction.ADJUST_RULE, rule),
                rule, q.incidentId(), q.service(), q.title(), q.severity(), r.decision().parameters(), reason(r), evidence,
                v.verdict() == Verdict.HOLD_FOR_APPROVAL, v.at(), v.at().plus(expiry), IncidentCommands.ISSUER));
    }

    private static String reason(AnalysisResult r) {
        String why = r.decision().reason();
        String cause = r.rootCause();
        String text = Text.blank(cause) ? String.valueOf(why) : Text.blank(why) ? cause : cause + " — " + why;
        return Text.cut(text, 600) + " (" + r.provider() + (r.fallback() ? ", fallback" : "") + ", confidence "
                + Text.num(r.confidence()) + ")";
    }
}

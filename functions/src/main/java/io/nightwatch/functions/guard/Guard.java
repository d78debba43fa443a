package io.nightwatch.functions.guard;

import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.ReleaseContext;
import io.nightwatch.schemas.analysis.ActionParameters;
import io.nightwatch.schemas.analysis.IncidentScope;
import io.nightwatch.schemas.analysis.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks every decision before it becomes a command. All checks run and are listed, in this order: allow-list,
 * scope (the incident's service, instances, release, rules), parameters, active release (rollbacks only), rate limit
 * per service, rate limit per action, approval for risky actions, confidence. The model's confidence can only add a
 * hold; it never lifts a rejection, an escalation or a hold. Pure: the caller keeps the rate-limit state.
 */
public final class Guard {

    static final String ALLOW_LIST = "allow-list";
    static final String SCOPE = "scope";
    static final String PARAMETERS = "parameters";
    static final String ACTIVE_RELEASE = "active-release";
    static final String APPROVAL = "approval";
    static final String CONFIDENCE = "confidence";

    private final GuardPolicy policy;
    private final RateLimiter limiter;

    public Guard(GuardPolicy policy) {
        this.policy = policy;
        this.limiter = new RateLimiter(policy);
    }

    /** Judges the decision of {@code result} for the incident of {@code request}. */
    public GuardDecision evaluate(AnalysisRequest request, AnalysisResult result, RateLimitState state, Instant now) {
        AnalysisDecision decision = result == null ? null : result.decision();
        AnalysisAction action = decision == null ? null : decision.action();
        String target = decision == null ? null : decision.target();
        double confidence = result == null ? 0 : result.confidence();
        String service = Text.blank(request.service()) ? "unknown" : request.service();
        RateLimitState current = state == null ? RateLimitState.empty() : state;

        List<GuardCheck> checks = new ArrayList<>();
        checks.add(allowList(action));
        checks.add(scope(request, action, target));
        checks.add(parameters(decision));
        checks.add(activeRelease(request.release(), action));
        checks.addAll(limiter.check(service, action, current, now));
        checks.add(approval(action));
        checks.add(confidence(action, confidence));

        Verdict verdict = verdictOf(checks);
        CheckOutcome deciding = switch (verdict) {
            case REJECT -> CheckOutcome.REJECT;
            case ESCALATE -> CheckOutcome.ESCALATE;
            case HOLD_FOR_APPROVAL -> CheckOutcome.HOLD;
            case ALLOW -> CheckOutcome.PASS;
        };
        List<String> reasons = verdict == Verdict.ALLOW ? List.of()
                : checks.stream().filter(c -> c.outcome() == deciding).map(c -> c.name() + ": " + c.detail()).toList();
        GuardVerdict guardVerdict = new GuardVerdict(request.incidentId(), verdict, action, target,
                decision == null ? null : decision.parameters(), confidence, result == null ? null : result.provider(),
                verdict == Verdict.HOLD_FOR_APPROVAL, reasons, List.copyOf(checks), now);

        boolean consumes = (verdict == Verdict.ALLOW || verdict == Verdict.HOLD_FOR_APPROVAL) && GuardPolicy.changes(action);
        RateLimitState next = consumes ? limiter.record(service, action, current, now) : limiter.prune(current, now);
        return new GuardDecision(guardVerdict, next);
    }

    /** The rate limiter of this guard (its longest window is a good TTL for the keyed state). */
    public RateLimiter limiter() {
        return limiter;
    }

    private GuardCheck allowList(AnalysisAction action) {
        if (action == null) {
            return new GuardCheck(ALLOW_LIST, CheckOutcome.REJECT, "the analysis has no action");
        }
        return policy.allowedActions().contains(action)
                ? GuardCheck.pass(ALLOW_LIST, action + " is allowed")
                : new GuardCheck(ALLOW_LIST, CheckOutcome.REJECT, action + " is not allowed here (allowed: "
                        + Text.list(policy.allowedActions(), AnalysisAction::name) + ")");
    }

    private static GuardCheck scope(AnalysisRequest request, AnalysisAction action, String target) {
        if (action == null) {
            return GuardCheck.skipped(SCOPE, "no action");
        }
        if (action == AnalysisAction.NONE) {
            return GuardCheck.skipped(SCOPE, "NONE touches nothing");
        }
        Optional<String> outside = IncidentScope.of(request).outOfScope(action, target);
        return outside.map(why -> new GuardCheck(SCOPE, CheckOutcome.REJECT, why))
                .orElseGet(() -> GuardCheck.pass(SCOPE, "target " + target + " is inside the incident's scope"));
    }

    private static GuardCheck parameters(AnalysisDecision decision) {
        if (decision == null || decision.action() == null) {
            return GuardCheck.skipped(PARAMETERS, "no action");
        }
        List<String> problems = ActionParameters.problems(decision.action(), decision.parameters());
        return problems.isEmpty()
                ? GuardCheck.pass(PARAMETERS, decision.parameters().isEmpty() ? "none" : "within bounds: " + decision.parameters())
                : new GuardCheck(PARAMETERS, CheckOutcome.REJECT, String.join("; ", problems));
    }

    private static GuardCheck activeRelease(ReleaseContext release, AnalysisAction action) {
        if (action != AnalysisAction.ROLLBACK_RELEASE) {
            return GuardCheck.skipped(ACTIVE_RELEASE, "not a rollback");
        }
        if (release == null || Text.blank(release.release())) {
            return new GuardCheck(ACTIVE_RELEASE, CheckOutcome.ESCALATE, "rollback not supported: the incident has no release");
        }
        if (!release.active()) {
            return new GuardCheck(ACTIVE_RELEASE, CheckOutcome.ESCALATE, "rollback not supported: release "
                    + release.release() + " is no longer active (" + release.status() + ")");
        }
        return GuardCheck.pass(ACTIVE_RELEASE, "release " + release.release() + " is active (" + release.status()
                + ", stage " + release.stage() + "/" + release.stageCount() + ")");
    }

    private GuardCheck approval(AnalysisAction action) {
        if (action == null) {
            return GuardCheck.skipped(APPROVAL, "no action");
        }
        return policy.riskyActions().contains(action)
                ? new GuardCheck(APPROVAL, CheckOutcome.HOLD, action + " is risky: a human approves it first")
                : GuardCheck.pass(APPROVAL, action + " needs no approval");
    }

    private GuardCheck confidence(AnalysisAction action, double confidence) {
        if (!GuardPolicy.changes(action)) {
            return GuardCheck.skipped(CONFIDENCE, (action == null ? "no action" : action + " changes nothing"));
        }
        String c = String.format(Locale.ROOT, "%.2f", confidence);
        String min = String.format(Locale.ROOT, "%.2f", policy.minConfidenceForAutomatic());
        return Double.isFinite(confidence) && confidence >= policy.minConfidenceForAutomatic()
                ? GuardCheck.pass(CONFIDENCE, "confidence " + c + " >= " + min + " (it never lifts another check)")
                : new GuardCheck(CONFIDENCE, CheckOutcome.HOLD, "confidence " + c + " < " + min + ": a human approves it first");
    }

    private static Verdict verdictOf(List<GuardCheck> checks) {
        if (has(checks, CheckOutcome.REJECT)) {
            return Verdict.REJECT;
        }
        if (has(checks, CheckOutcome.ESCALATE)) {
            return Verdict.ESCALATE;
        }
        return has(checks, CheckOutcome.HOLD) ? Verdict.HOLD_FOR_APPROVAL : Verdict.ALLOW;
    }

    private static boolean has(List<GuardCheck> checks, CheckOutcome outcome) {
        return checks.stream().anyMatch(c -> c.outcome() == outcome);
    }
}

package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a proposed decision against the allow-list, the incident's scope and the action's parameters. The
 * analyzer refuses a model's answer that fails here (the builtin rules decide instead); the guard repeats the checks
 * because the job never trusts the analyzer's process.
 */
public final class DecisionValidator {

    private DecisionValidator() {}

    /** Everything wrong with the decision for this request; empty when it is acceptable. */
    public static List<String> problems(AnalysisRequest request, AnalysisDecision decision) {
        List<String> problems = new ArrayList<>();
        if (decision == null || decision.action() == null) {
            problems.add("no action (allowed: ROLLBACK_RELEASE, RESTART_INSTANCE, SCALE_OUT, ADJUST_RULE, SILENCE, NOTIFY, NONE)");
            return problems;
        }
        IncidentScope.of(request).outOfScope(decision.action(), decision.target()).ifPresent(problems::add);
        problems.addAll(ActionParameters.problems(decision.action(), decision.parameters()));
        if (Text.blank(decision.reason())) {
            problems.add("no reason given for " + decision.action());
        }
        return problems;
    }
}

package io.nightwatch.functions.guard;

import io.nightwatch.schemas.AnalysisAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The guard's answer on one decision, written to the event log as the GUARD_VERDICT detail: the verdict, the decision
 * it judged, the reasons behind a verdict other than ALLOW, and every check in order.
 */
public record GuardVerdict(
        String incidentId,
        Verdict verdict,
        AnalysisAction action,
        String target,
        Map<String, String> parameters,
        double confidence,
        String provider,
        boolean requiresApproval,
        List<String> reasons,
        List<GuardCheck> checks,
        Instant at) {

    public GuardVerdict {
        parameters = parameters == null ? Map.of() : parameters;
        reasons = reasons == null ? List.of() : reasons;
        checks = checks == null ? List.of() : checks;
    }
}

package io.nightwatch.functions.decisions;

import io.nightwatch.functions.analysis.AnalyzedIncident;
import io.nightwatch.functions.guard.Guard;
import io.nightwatch.functions.guard.GuardPolicy;
import io.nightwatch.functions.guard.RateLimitState;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.NotificationKind;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.ReleaseContext;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Named test data for the decision step: incident updates, analyses and guarded decisions of checkout. */
final class Decisions {

    static final Instant OPENED = Instant.parse("2026-11-22T05:40:10Z");
    static final Instant DECIDED = Instant.parse("2026-11-22T05:40:12Z");
    static final Duration EXPIRY = Duration.ofMinutes(30);

    private Decisions() {}

    /** An opened incident of checkout with these firing fingerprints and release context. */
    static IncidentUpdate opened(String incidentId, List<String> firing, List<String> instances, ReleaseContext release) {
        return new IncidentUpdate(incidentId, NotificationKind.OPENED, false, false, "{}:{alertname=\"X\"}", "ops",
                OPENED.toEpochMilli(), OPENED.toEpochMilli(), 1, "checkout", "HighLatency on checkout", "critical", 0,
                Map.of("alertname", "HighLatency", "service", "checkout"), Map.of("service", "checkout"), instances, firing,
                List.of(), 0, "p99 slow", "incident|" + incidentId, release, null, null, "handled", null);
    }

    /** The builtin analysis of a request, as the analyzer would answer it. */
    static AnalyzedIncident analyzed(AnalysisRequest request) {
        return new AnalyzedIncident(request, BuiltinAnalyzer.analyze(request, DECIDED), false);
    }

    /** A result deciding {@code action} on {@code target} with {@code confidence}. */
    static AnalysisResult result(AnalysisRequest request, AnalysisAction action, String target, Map<String, String> params,
            double confidence) {
        return new AnalysisResult(request.requestId(), request.incidentId(), "root cause", confidence, List.of("evidence"),
                new AnalysisDecision(action, target, params, "because"), "openai:m", false, null, List.of(), DECIDED,
                DECIDED, 0);
    }

    /** The guard's decision on a result (default policy, no earlier command). */
    static GuardedDecision guarded(AnalysisRequest request, AnalysisResult result) {
        return new GuardedDecision(request, result,
                new Guard(GuardPolicy.defaults()).evaluate(request, result, RateLimitState.empty(), DECIDED).verdict());
    }
}

package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.AnalysisStepKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The deterministic analyzer: ordered rules over alerts, anomalies and release context, the first match decides.
 * The same code answers for the analyzer's {@code builtin} provider, when a model fails, and in the Flink job when
 * the analyzer times out — so it lives here, next to the records, with no dependency but the JDK. It never reads
 * annotation text, so no alert can steer it. Same request, same answer.
 */
public final class BuiltinAnalyzer {

    /** The provider name of every result it produces. */
    public static final String PROVIDER = "builtin";

    /** The rules, in the order they are tried; the last always matches. */
    public static final List<BuiltinRule> RULES = List.of(
            new ReleaseRegressionRule(),
            new FlappingAlertRule(),
            new AlreadyResolvedRule(),
            new SingleInstanceRule(),
            new ServiceSaturationRule(),
            new NotifyHumanRule());

    private BuiltinAnalyzer() {}

    /** Analyzes a request with the rules alone. */
    public static AnalysisResult analyze(AnalysisRequest request, Instant now) {
        StepLog log = new StepLog();
        RuleVerdict verdict = decide(request, log, now);
        return result(request, verdict, log, false, null, now, now);
    }

    /** The rules decide because something else failed: a FALLBACK step with the reason comes first. */
    public static AnalysisResult fallback(AnalysisRequest request, String reason, Instant now) {
        return fallback(request, reason, new StepLog(), now, now);
    }

    /** The rules take over an analysis that already recorded steps (a model that failed or ran out of budget). */
    public static AnalysisResult fallback(AnalysisRequest request, String reason, StepLog log, Instant startedAt, Instant now) {
        log.add(AnalysisStepKind.FALLBACK, PROVIDER, Map.of(), "builtin rules decide: " + reason, false, now, 0);
        RuleVerdict verdict = decide(request, log, now);
        return result(request, verdict, log, true, reason, startedAt, now);
    }

    /** Tries the rules in order, recording one RULE step each, until one matches. */
    public static RuleVerdict decide(AnalysisRequest request, StepLog log, Instant now) {
        IncidentSignals signals = IncidentSignals.of(request);
        for (BuiltinRule rule : RULES) {
            RuleVerdict verdict;
            boolean ok = true;
            try {
                verdict = rule.evaluate(request, signals);
            } catch (RuntimeException e) {
                verdict = RuleVerdict.noMatch("rule failed on this request: " + e);
                ok = false;
            }
            log.add(AnalysisStepKind.RULE, rule.name(), Map.of(),
                    (verdict.matched() ? "matched: " : "no match: ") + verdict.summary(), ok, now, 0);
            if (verdict.matched()) {
                return verdict;
            }
        }
        throw new IllegalStateException("the last builtin rule always matches");
    }

    private static AnalysisResult result(AnalysisRequest request, RuleVerdict verdict, StepLog log, boolean fallback,
            String reason, Instant startedAt, Instant now) {
        return new AnalysisResult(request.requestId(), request.incidentId(), verdict.rootCause(), verdict.confidence(),
                verdict.evidence(), verdict.decision(), PROVIDER, fallback, reason, log.snapshot(), startedAt, now,
                Math.max(0, Duration.between(startedAt, now).toMillis()));
    }
}

package io.nightwatch.jobs.incidents;

import io.nightwatch.analyzer.Analyzer;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import java.time.Duration;
import java.time.Instant;

/** An analyzer that takes {@code delay} per call (the builtin rules, then a sleep): a slow model behind the real server. */
final class SlowAnalyzer implements Analyzer {

    private final Duration delay;

    SlowAnalyzer(Duration delay) {
        this.delay = delay;
    }

    @Override
    public AnalysisResult analyze(AnalysisRequest request) {
        Instant started = Instant.now();
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        AnalysisResult r = BuiltinAnalyzer.analyze(request, Instant.now());
        return new AnalysisResult(r.requestId(), r.incidentId(), r.rootCause(), r.confidence(), r.evidence(), r.decision(),
                "slow-builtin", false, null, r.steps(), started, Instant.now(), Duration.between(started, Instant.now()).toMillis());
    }

    @Override
    public String provider() {
        return "slow-builtin";
    }
}

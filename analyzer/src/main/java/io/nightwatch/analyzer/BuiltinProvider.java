package io.nightwatch.analyzer;

import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import java.time.Clock;

/** The {@code builtin} provider: the deterministic rules shared with the Flink job, no model needed. */
public final class BuiltinProvider implements Analyzer {

    private final Clock clock;

    public BuiltinProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AnalysisResult analyze(AnalysisRequest request) {
        return BuiltinAnalyzer.analyze(request, clock.instant());
    }

    @Override
    public String provider() {
        return BuiltinAnalyzer.PROVIDER;
    }
}

package io.nightwatch.analyzer.agent;

import io.nightwatch.schemas.AnalysisDecision;
import java.util.List;

/** A model's final answer, read: the fields, and every problem that makes it unusable (empty when valid). */
public record ParsedAnswer(String rootCause, double confidence, List<String> evidence, AnalysisDecision decision,
        List<String> problems) {

    public boolean valid() {
        return problems.isEmpty();
    }
}

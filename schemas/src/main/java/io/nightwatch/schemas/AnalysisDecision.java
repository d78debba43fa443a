package io.nightwatch.schemas;

import java.util.Map;

/** The one action the analyzer proposes: from the allow-list, with its target, parameters and the reason. */
public record AnalysisDecision(AnalysisAction action, String target, Map<String, String> parameters, String reason) {

    public AnalysisDecision {
        parameters = parameters == null ? Map.of() : parameters;
    }
}

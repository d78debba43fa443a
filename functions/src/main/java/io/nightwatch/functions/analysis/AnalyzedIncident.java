package io.nightwatch.functions.analysis;

import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;

/** An incident with the analyzer's answer (or the builtin fallback's): what the guard needs to judge the decision. */
public record AnalyzedIncident(AnalysisRequest request, AnalysisResult result) {}

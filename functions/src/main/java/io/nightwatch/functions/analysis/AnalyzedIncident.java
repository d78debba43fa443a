package io.nightwatch.functions.analysis;

import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;

/**
 * An incident with the analyzer's answer (or the builtin fallback's): what the guard needs to judge the decision.
 * {@code decidedInJob}: the analyzer did not give a usable answer (timeout, error) and the job's builtin rules decided.
 */
public record AnalyzedIncident(AnalysisRequest request, AnalysisResult result, boolean decidedInJob) {}

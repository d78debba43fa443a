package io.nightwatch.functions.decisions;

import io.nightwatch.functions.guard.GuardVerdict;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;

/** An analysed incident with the guard's verdict on its decision: what may become a command. */
public record GuardedDecision(AnalysisRequest request, AnalysisResult result, GuardVerdict verdict) {}

package io.nightwatch.schemas;

import java.time.Instant;
import java.util.List;

/**
 * The analyzer's answer to an {@link AnalysisRequest}: root cause, confidence in [0,1], evidence, one decision, the
 * provider that decided ({@code builtin}, {@code openai:<model>}, {@code ollama:<model>}), whether the builtin rules
 * took over and why, and every step taken. A guard checks the decision before anything becomes a command; the
 * confidence never overrides it.
 */
public record AnalysisResult(
        String requestId,
        String incidentId,
        String rootCause,
        double confidence,
        List<String> evidence,
        AnalysisDecision decision,
        String provider,
        boolean fallback,
        String fallbackReason,
        List<AnalysisStep> steps,
        Instant startedAt,
        Instant finishedAt,
        long durationMs) {

    public AnalysisResult {
        evidence = evidence == null ? List.of() : evidence;
        steps = steps == null ? List.of() : steps;
    }
}

package io.nightwatch.schemas;

import java.time.Instant;
import java.util.Map;

/**
 * One step of an analysis, in order ({@code index} from 1): what was done ({@code kind}, {@code name}), with which
 * arguments, what came of it ({@code summary}, {@code ok}), when and how long it took.
 */
public record AnalysisStep(
        int index,
        AnalysisStepKind kind,
        String name,
        Map<String, String> arguments,
        String summary,
        boolean ok,
        Instant at,
        long durationMs) {

    public AnalysisStep {
        arguments = arguments == null ? Map.of() : arguments;
    }
}

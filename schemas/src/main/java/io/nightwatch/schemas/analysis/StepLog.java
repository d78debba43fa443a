package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.AnalysisStep;
import io.nightwatch.schemas.AnalysisStepKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Numbers and collects the steps of one analysis; thread-safe so a watchdog can read what a worker recorded. */
public final class StepLog {

    /** Longest summary kept per step; longer ones are cut with a marker. */
    public static final int MAX_SUMMARY_CHARS = 2000;
    /** Longest argument value kept per step. */
    public static final int MAX_ARGUMENT_CHARS = 500;

    private final List<AnalysisStep> steps = new ArrayList<>();
    private boolean sealed;

    /** An empty log. */
    public StepLog() {}

    /** A log that continues after the given steps (their numbering goes on). */
    public static StepLog continuing(List<AnalysisStep> earlier) {
        StepLog log = new StepLog();
        log.steps.addAll(earlier);
        return log;
    }

    /** Appends a step and returns it; after {@link #seal()} nothing is added and null is returned. */
    public synchronized AnalysisStep add(AnalysisStepKind kind, String name, Map<String, String> arguments,
            String summary, boolean ok, Instant at, long durationMs) {
        if (sealed) {
            return null;
        }
        Map<String, String> args = new LinkedHashMap<>();
        if (arguments != null) {
            arguments.forEach((k, v) -> args.put(k, Text.cut(v, MAX_ARGUMENT_CHARS)));
        }
        AnalysisStep step = new AnalysisStep(steps.size() + 1, kind, name, args,
                Text.cut(summary == null ? "" : summary, MAX_SUMMARY_CHARS), ok, at, Math.max(0, durationMs));
        steps.add(step);
        return step;
    }

    /** Stops recording (a worker that outlived its time budget can no longer add) and returns the steps so far. */
    public synchronized List<AnalysisStep> seal() {
        sealed = true;
        return List.copyOf(steps);
    }

    /** The steps so far, in order. */
    public synchronized List<AnalysisStep> snapshot() {
        return List.copyOf(steps);
    }

    public synchronized int size() {
        return steps.size();
    }
}

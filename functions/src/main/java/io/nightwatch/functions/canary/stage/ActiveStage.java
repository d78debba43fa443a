package io.nightwatch.functions.canary.stage;

import java.util.List;

/**
 * A release stage the canary job is collecting samples for: which instances run the new version (canary: this
 * stage's and earlier stages') and which still run the old one (baseline), and the analysis window
 * [windowStart, windowEnd) in event time (epoch milliseconds).
 */
public record ActiveStage(String release, String service, String version, int stage, List<String> canary,
        List<String> baseline, long startedAt, long windowStart, long windowEnd, double passThreshold,
        double marginalThreshold) {

    public ActiveStage {
        canary = canary == null ? List.of() : List.copyOf(canary);
        baseline = baseline == null ? List.of() : List.copyOf(baseline);
    }

    /** Whether a point of this instance at this time belongs to the analysis. */
    public boolean covers(String instance, long ts) {
        return ts >= windowStart && ts < windowEnd && (canary.contains(instance) || baseline.contains(instance));
    }
}

package io.nightwatch.schemas;

import java.time.Instant;
import java.util.List;

/**
 * The canary judge's verdict on one release stage (topic {@code nw.canary.verdicts}, key: release id), written by
 * the canary job. {@code verdictId} is {@code <release>:<stage>}: a replay yields the same id. The release system
 * moves a release to its next stage on a PASS of its current stage; FAIL and MARGINAL reach it as healing commands.
 */
public record CanaryVerdict(
        String verdictId,
        String release,
        String service,
        String version,
        int stage,
        CanaryOutcome outcome,
        double score,
        double passThreshold,
        double marginalThreshold,
        String reason,
        Instant windowStart,
        Instant windowEnd,
        List<String> canaryInstances,
        List<String> baselineInstances,
        List<CanaryMetricVerdict> metrics,
        Instant judgedAt) {

    public CanaryVerdict {
        canaryInstances = canaryInstances == null ? List.of() : canaryInstances;
        baselineInstances = baselineInstances == null ? List.of() : baselineInstances;
        metrics = metrics == null ? List.of() : metrics;
    }

    /** The verdict id of a release stage. */
    public static String idOf(String release, int stage) {
        return release + ":" + stage;
    }
}

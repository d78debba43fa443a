package io.nightwatch.functions.canary;

import java.util.List;

/**
 * The judge's verdict on one canary stage: PASS/MARGINAL/FAIL from the summary score, the group scores, and every
 * metric's result with its statistics.
 *
 * @param reason why the summary score was forced to 0, else null
 */
public record StageVerdict(JudgeMode mode, Verdict verdict, double summaryScore, ScoreThresholds thresholds,
        String reason, List<GroupScore> groupScores, List<MetricResult> metrics) {

    public StageVerdict {
        groupScores = groupScores == null ? List.of() : List.copyOf(groupScores);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** The result of the named metric, or null. */
    public MetricResult metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }
}

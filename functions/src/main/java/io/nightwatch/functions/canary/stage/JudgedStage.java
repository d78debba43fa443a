package io.nightwatch.functions.canary.stage;

import io.nightwatch.schemas.CanaryVerdict;
import java.util.List;

/**
 * A judged stage: the verdict as published on {@code nw.canary.verdicts}, each metric's statistics, and the
 * group scores as JSON, for the database.
 */
public record JudgedStage(CanaryVerdict verdict, List<MetricStatistics> metrics, String groupScoresJson) {

    public JudgedStage {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }
}

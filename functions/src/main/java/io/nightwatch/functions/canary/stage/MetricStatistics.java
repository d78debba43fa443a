package io.nightwatch.functions.canary.stage;

import java.util.List;

/**
 * One metric's result at a stage as stored in {@code canary_verdicts}: the classification and the statistics behind
 * it as a JSON document (the same rendering as {@code nightwatch judge --json}). {@code critical} is the metric's
 * configuration (a failure of it fails the stage); the statistics' own {@code critical} says whether this result
 * was a critical failure.
 */
public record MetricStatistics(String metric, String classification, boolean critical, boolean muted,
        String decidedBy, List<String> groups, int canaryCount, int baselineCount, String reason,
        String statisticsJson) {

    public MetricStatistics {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}

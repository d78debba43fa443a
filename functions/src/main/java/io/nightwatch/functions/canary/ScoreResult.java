package io.nightwatch.functions.canary;

import java.util.List;

/**
 * The scorer's output: group scores and the summary score (0..100, two decimals).
 *
 * @param reason why the summary was forced to 0 (critical failure, too many no-data metrics), else null
 */
public record ScoreResult(List<GroupScore> groupScores, double summaryScore, int numMetrics, String reason) {

    public ScoreResult {
        groupScores = groupScores == null ? List.of() : List.copyOf(groupScores);
    }
}

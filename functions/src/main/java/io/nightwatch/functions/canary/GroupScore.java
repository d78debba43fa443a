package io.nightwatch.functions.canary;

import java.util.Map;

/**
 * One metric group's score: percentage of its scored metrics (Pass, High, Low, NodataFailMetric) that passed.
 *
 * @param noData true when no metric of the group was scorable (the summary then counts the group as 100)
 * @param labelCounts how many metrics of the group got each classification label
 */
public record GroupScore(String name, double score, boolean noData, Map<String, Integer> labelCounts,
        int numMetrics) {

    public GroupScore {
        labelCounts = labelCounts == null ? Map.of() : Map.copyOf(labelCounts);
    }
}

package io.nightwatch.functions.canary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.util.Precision;

/**
 * Kayenta's WeightedSumScorer: per-group pass percentages combined with group weights; a critical metric that did
 * not pass forces the summary to 0, and so do 50% or more no-data metrics. Muted metrics are left out.
 */
public final class CanaryScorer {

    /** Kayenta's NODATA_THRESHOLD: this percentage or more of no-data metrics fails the canary. */
    public static final double NODATA_THRESHOLD = 50.0;

    private final Map<String, Double> groupWeights;

    /** @param groupWeights weight per group in percent; groups not named share what is left of 100 equally */
    public CanaryScorer(Map<String, Double> groupWeights) {
        this.groupWeights = groupWeights == null ? Map.of() : Map.copyOf(groupWeights);
    }

    /** Scores the metric results of one canary stage. */
    public ScoreResult score(List<ScoredMetric> allResults) {
        List<ScoredMetric> results = allResults.stream().filter(r -> !r.muted()).toList();
        List<GroupScore> groupScores = groupScores(results);
        for (ScoredMetric r : results) {
            if (r.critical() && r.classification() != Classification.PASS) {
                String why = r.reason() != null ? r.reason() : r.name() + " was classified as " + r.classification();
                return new ScoreResult(groupScores, 0.0, results.size(), "Canary Failed: " + why);
            }
        }
        if (tooManyNodata(results)) {
            return new ScoreResult(groupScores, 0.0, results.size(),
                    "Canary Failed: " + (int) NODATA_THRESHOLD + "% or more metrics returned NODATA");
        }
        return new ScoreResult(groupScores, summaryScore(groupScores), results.size(), null);
    }

    /** Whether at least {@link #NODATA_THRESHOLD}% of the results are Nodata (or NotEnoughData). */
    public static boolean tooManyNodata(List<ScoredMetric> results) {
        if (results.isEmpty()) {
            return false;
        }
        long noData = results.stream().filter(r -> r.classification().isNoData()).count();
        return noData * 100.0 / results.size() >= NODATA_THRESHOLD;
    }

    private static List<GroupScore> groupScores(List<ScoredMetric> results) {
        Map<String, List<Classification>> byGroup = new LinkedHashMap<>();
        for (ScoredMetric r : results) {
            for (String g : r.groups()) {
                byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(r.classification());
            }
        }
        List<GroupScore> scores = new ArrayList<>();
        byGroup.forEach((name, labels) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Classification c : labels) {
                counts.merge(c.label(), 1, Integer::sum);
            }
            int pass = counts.getOrDefault(Classification.PASS.label(), 0);
            int total = pass + counts.getOrDefault(Classification.HIGH.label(), 0)
                    + counts.getOrDefault(Classification.LOW.label(), 0)
                    + counts.getOrDefault(Classification.NODATA_FAIL_METRIC.label(), 0);
            boolean noData = total == 0;
            double score = noData ? 0.0 : (pass / (double) total) * 100;
            scores.add(new GroupScore(name, score, noData, counts, labels.size()));
        });
        return scores;
    }

    private double summaryScore(List<GroupScore> groups) {
        double weightSum = groupWeights.values().stream().mapToDouble(Double::doubleValue).sum();
        Set<String> weighted = groupWeights.keySet();
        long unweighted = groups.stream().filter(g -> !weighted.contains(g.name())).count();
        double calculatedWeight = unweighted > 0 ? (100.0 - weightSum) / unweighted : 0.0;
        double summary = 0.0;
        for (GroupScore g : groups) {
            double effective = g.noData() ? 100.0 : g.score();
            double weight = groupWeights.getOrDefault(g.name(), calculatedWeight);
            summary += effective * (weight / 100.0);
        }
        return Precision.round(summary, 2);
    }
}

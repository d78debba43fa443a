package io.nightwatch.functions.canary;

import java.util.List;

/**
 * The judge's verdict on one metric and the statistics behind it.
 *
 * @param decidedBy which rule decided: "mann-whitney", "rate", "spread", "trend", "sample-rule", "no-data",
 *     "identical", "error"
 * @param effectSize the deciding effect size (Kayenta's deviation: mean ratio or CLES; rate ratio for counts;
 *     spread ratio when the spread test decided; 1 + relative drift when the trend test decided)
 * @param mannWhitney null when the rank test did not run
 * @param rate null unless the rate test ran (counts, enhanced)
 * @param dispersion null unless the spread test ran (gauges, enhanced)
 * @param trend null unless the trend test ran (gauges with aligned series, enhanced)
 */
public record MetricResult(String name, List<String> groups, MetricKind kind, Direction direction,
        Classification classification, String reason, boolean critical, boolean muted, String decidedBy,
        double effectSize, int canarySamples, int baselineSamples, double canaryMean, double baselineMean,
        MannWhitneyStatistics mannWhitney, SparseCountRateTest.Result rate, DispersionTest.Result dispersion,
        TrendTest.Result trend) {

    public MetricResult {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** Mann-Whitney U of the canary, NaN when the rank test did not run. */
    public double u() {
        return mannWhitney == null ? Double.NaN : mannWhitney.u();
    }

    /** Two-sided rank-sum p-value, NaN when the rank test did not run. */
    public double pValue() {
        return mannWhitney == null ? Double.NaN : mannWhitney.pValue();
    }

    /** Hodges-Lehmann shift canary − baseline, NaN when the rank test did not run. */
    public double hlEstimate() {
        return mannWhitney == null ? Double.NaN : mannWhitney.estimate();
    }

    public double ciLower() {
        return mannWhitney == null ? Double.NaN : mannWhitney.ciLower();
    }

    public double ciUpper() {
        return mannWhitney == null ? Double.NaN : mannWhitney.ciUpper();
    }

    /** What the scorer needs of this result. */
    public ScoredMetric scored() {
        return new ScoredMetric(name, classification, reason, groups, critical, muted);
    }
}

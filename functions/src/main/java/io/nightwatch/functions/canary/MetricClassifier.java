package io.nightwatch.functions.canary;

import java.util.Arrays;

/**
 * Kayenta's MannWhitneyClassifier: High/Low when the confidence interval of the Hodges-Lehmann shift clears
 * ±tolerance·|estimate| and the effect size clears its threshold; critical when it clears the critical threshold.
 *
 * <p>One deliberate difference: when both samples are constant (but different) Kayenta adds Gaussian noise of
 * 1e-5 of the value so the rank inversion can run; this classifier instead takes the shift exactly (estimate =
 * interval = difference of the constants), the limit of Kayenta's noisy answer, so it stays deterministic.
 */
public final class MetricClassifier {

    private final ClassifierConfig config;

    public MetricClassifier(ClassifierConfig config) {
        this.config = config;
    }

    public ClassifierConfig config() {
        return config;
    }

    /**
     * Classifies canary {@code experiment} against baseline {@code control} (samples already NaN-handled).
     *
     * @param isDataRequired Kayenta's mustHaveData: missing data is NodataFailMetric unless the metric is critical
     */
    public MetricClassification classify(double[] control, double[] experiment, Direction direction,
            NanStrategy nanStrategy, boolean isCriticalMetric, boolean isDataRequired, String metricName) {
        String name = metricName == null ? "metric" : metricName;
        if (experiment.length == 0 || control.length == 0) {
            if (nanStrategy == NanStrategy.REMOVE) {
                String reason = "Missing data for " + name + " ("
                        + (control.length == 0 && experiment.length == 0 ? "canary and baseline"
                                : control.length == 0 ? "baseline" : "canary") + ")";
                if (isDataRequired && !isCriticalMetric) {
                    return new MetricClassification(Classification.NODATA_FAIL_METRIC, reason, 1.0, false, null);
                }
                return new MetricClassification(Classification.NODATA, reason, 1.0, isCriticalMetric, null);
            }
            return new MetricClassification(Classification.PASS, null, 1.0, false, null);
        }
        double[] sortedExperiment = experiment.clone();
        double[] sortedControl = control.clone();
        Arrays.sort(sortedExperiment);
        Arrays.sort(sortedControl);
        if (Arrays.equals(sortedExperiment, sortedControl)) {
            return new MetricClassification(Classification.PASS,
                    "The canary and baseline data are identical", 1.0, false, null);
        }
        if (sortedExperiment[0] == sortedExperiment[sortedExperiment.length - 1]
                && sortedControl[0] == sortedControl[sortedControl.length - 1]
                && sortedExperiment[0] == sortedControl[0]) {
            return new MetricClassification(Classification.PASS, null, 1.0, false, null);
        }

        MannWhitneyStatistics stats = test(sortedExperiment, sortedControl);
        double deviation = stats.effectSize();
        boolean isHigh = direction.watchesIncrease() && stats.ciLower() > stats.upperBound()
                && (deviation >= config.allowedIncrease() || Double.isNaN(deviation));
        boolean isLow = direction.watchesDecrease() && stats.ciUpper() < stats.lowerBound()
                && (deviation <= config.allowedDecrease() || Double.isNaN(deviation));

        if (isHigh) {
            boolean critical = isCriticalMetric
                    && (deviation >= config.criticalIncrease() || Double.isNaN(deviation));
            String reason = name + " was classified as High" + (critical ? " (Critical)" : "");
            return new MetricClassification(Classification.HIGH, reason, deviation, critical, stats);
        }
        if (isLow) {
            boolean critical = isCriticalMetric
                    && (deviation <= config.criticalDecrease() || Double.isNaN(deviation));
            String reason = name + " was classified as Low" + (critical ? " (Critical)" : "");
            return new MetricClassification(Classification.LOW, reason, deviation, critical, stats);
        }
        return new MetricClassification(Classification.PASS, null, deviation, false, stats);
    }

    /** Classifies with Kayenta's remaining defaults: NaN removed, not critical, data not required. */
    public MetricClassification classify(double[] control, double[] experiment, Direction direction) {
        return classify(control, experiment, direction, NanStrategy.REMOVE, false, false, "metric");
    }

    /** The Mann-Whitney statistics of canary x against baseline y (non-empty, NaN-free, not both one value). */
    public MannWhitneyStatistics test(double[] x, double[] y) {
        MannWhitney.Result rankSum = MannWhitney.test(x, y);
        boolean constantX = HodgesLehmannInterval.min(x) == HodgesLehmannInterval.max(x);
        boolean constantY = HodgesLehmannInterval.min(y) == HodgesLehmannInterval.max(y);
        HodgesLehmannInterval hl;
        boolean exact = constantX && constantY;
        if (exact) {
            double shift = x[0] - y[0];
            hl = new HodgesLehmannInterval(shift, shift, shift, config.confidenceLevel());
        } else {
            hl = HodgesLehmannInterval.of(x, y, config.confidenceLevel());
        }
        double critical = config.tolerance() * Math.abs(hl.estimate());
        double effect = config.effectSizeMeasure().of(x, y);
        return new MannWhitneyStatistics(rankSum.u(), rankSum.pValue(), hl.estimate(), hl.lower(), hl.upper(),
                -critical, critical, effect, config.effectSizeMeasure(), exact);
    }
}

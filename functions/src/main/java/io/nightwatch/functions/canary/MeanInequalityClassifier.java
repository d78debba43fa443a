package io.nightwatch.functions.canary;

/** Kayenta's MeanInequalityClassifier (benchmarking only): High/Low whenever the canary mean is above/below. */
public final class MeanInequalityClassifier {

    /** Classifies canary {@code experiment} against baseline {@code control} by their means alone. */
    public MetricClassification classify(double[] control, double[] experiment, Direction direction,
            NanStrategy nanStrategy, boolean isCriticalMetric, boolean isDataRequired) {
        if (experiment.length == 0 || control.length == 0) {
            if (nanStrategy == NanStrategy.REMOVE) {
                if (isDataRequired && !isCriticalMetric) {
                    return new MetricClassification(Classification.NODATA_FAIL_METRIC, null, 1.0, false, null);
                }
                return new MetricClassification(Classification.NODATA, null, 0.0, isCriticalMetric, null);
            }
            return new MetricClassification(Classification.PASS, null, 1.0, false, null);
        }
        double experimentMean = EffectSizes.mean(experiment);
        double controlMean = EffectSizes.mean(control);
        double ratio = experimentMean / controlMean;
        if (direction.watchesIncrease() && experimentMean > controlMean) {
            return new MetricClassification(Classification.HIGH,
                    "The canary mean was greater than the baseline mean", ratio, isCriticalMetric, null);
        }
        if (direction.watchesDecrease() && experimentMean < controlMean) {
            return new MetricClassification(Classification.LOW,
                    "The canary mean was less than the baseline mean", ratio, isCriticalMetric, null);
        }
        return new MetricClassification(Classification.PASS, null, 1.0, false, null);
    }
}

package io.nightwatch.functions.canary;

import java.io.Serializable;

/**
 * Parameters of Kayenta's MannWhitneyClassifier.
 *
 * @param tolerance fraction of |Hodges-Lehmann estimate| the interval must clear (Kayenta's "tolerance")
 * @param confidenceLevel confidence level of the interval
 * @param allowedDecrease effect size at or below which a significant decrease is Low (effectSizeThresholds._1)
 * @param allowedIncrease effect size at or above which a significant increase is High (effectSizeThresholds._2)
 * @param criticalDecrease effect size at or below which a Low of a critical metric is critical
 * @param criticalIncrease effect size at or above which a High of a critical metric is critical
 * @param effectSizeMeasure mean ratio or CLES
 */
public record ClassifierConfig(double tolerance, double confidenceLevel, double allowedDecrease,
        double allowedIncrease, double criticalDecrease, double criticalIncrease,
        EffectSizeMeasure effectSizeMeasure) implements Serializable {

    public ClassifierConfig {
        if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0)) {
            throw new IllegalArgumentException("confidenceLevel must be in (0, 1): " + confidenceLevel);
        }
        if (!(tolerance >= 0.0)) {
            throw new IllegalArgumentException("tolerance must be >= 0: " + tolerance);
        }
        effectSizeMeasure = effectSizeMeasure == null ? EffectSizeMeasure.MEAN_RATIO : effectSizeMeasure;
    }

    /** MannWhitneyClassifier's constructor defaults: tolerance 0.25, confidence 0.95, thresholds (1, 1). */
    public static ClassifierConfig classDefaults() {
        return new ClassifierConfig(0.25, 0.95, 1.0, 1.0, 1.0, 1.0, EffectSizeMeasure.MEAN_RATIO);
    }

    /** What Kayenta's judge builds: tolerance 0.25, confidence 0.98, mean ratio, thresholds (1, 1). */
    public static ClassifierConfig judgeDefaults() {
        return new ClassifierConfig(0.25, 0.98, 1.0, 1.0, 1.0, 1.0, EffectSizeMeasure.MEAN_RATIO);
    }

    public ClassifierConfig withTolerance(double value) {
        return new ClassifierConfig(value, confidenceLevel, allowedDecrease, allowedIncrease, criticalDecrease,
                criticalIncrease, effectSizeMeasure);
    }

    public ClassifierConfig withConfidenceLevel(double value) {
        return new ClassifierConfig(tolerance, value, allowedDecrease, allowedIncrease, criticalDecrease,
                criticalIncrease, effectSizeMeasure);
    }

    /** Effect-size thresholds as Kayenta's tuple (decrease, increase). */
    public ClassifierConfig withEffectSizeThresholds(double decrease, double increase) {
        return new ClassifierConfig(tolerance, confidenceLevel, decrease, increase, criticalDecrease,
                criticalIncrease, effectSizeMeasure);
    }

    /** Critical thresholds as Kayenta's tuple (decrease, increase). */
    public ClassifierConfig withCriticalThresholds(double decrease, double increase) {
        return new ClassifierConfig(tolerance, confidenceLevel, allowedDecrease, allowedIncrease, decrease, increase,
                effectSizeMeasure);
    }

    public ClassifierConfig withEffectSizeMeasure(EffectSizeMeasure measure) {
        return new ClassifierConfig(tolerance, confidenceLevel, allowedDecrease, allowedIncrease, criticalDecrease,
                criticalIncrease, measure);
    }
}

package io.nightwatch.functions.canary;

import java.io.Serializable;
import java.util.List;

/**
 * One metric of a canary stage's config, with Kayenta's analysis options and Nightwatch's kind.
 *
 * @param effectSizeMeasure mean ratio or CLES
 * @param allowedDecrease effect size at or below which a decrease fails (Kayenta's default 1.0; with CLES set
 *     both thresholds, e.g. 0.2 and 0.8, since 1.0 would need every canary sample above every baseline one)
 * @param allowedIncrease effect size at or above which an increase fails (Kayenta's default 1.0)
 * @param criticalDecrease effect size at or below which a critical metric's Low is critical
 * @param criticalIncrease effect size at or above which a critical metric's High is critical
 * @param outliers null to keep outliers (Kayenta's default), else the filter to apply
 */
public record MetricConfig(String name, List<String> groups, Direction direction, MetricKind kind,
        NanStrategy nanStrategy, boolean critical, boolean mustHaveData, boolean muted,
        EffectSizeMeasure effectSizeMeasure, double allowedDecrease, double allowedIncrease,
        double criticalDecrease, double criticalIncrease, OutlierFilter outliers) implements Serializable {

    public MetricConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("metric name is required");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
        direction = direction == null ? Direction.EITHER : direction;
        kind = kind == null ? MetricKind.GAUGE : kind;
        nanStrategy = nanStrategy == null ? NanStrategy.REMOVE : nanStrategy;
        effectSizeMeasure = effectSizeMeasure == null ? EffectSizeMeasure.MEAN_RATIO : effectSizeMeasure;
    }

    /** A gauge in group "default", direction either, NaN removed, not critical, Kayenta's effect-size defaults. */
    public static MetricConfig of(String name) {
        return new MetricConfig(name, List.of("default"), Direction.EITHER, MetricKind.GAUGE, NanStrategy.REMOVE,
                false, false, false, EffectSizeMeasure.MEAN_RATIO, 1.0, 1.0, 1.0, 1.0, null);
    }

    public MetricConfig withGroups(List<String> value) {
        return new MetricConfig(name, value, direction, kind, nanStrategy, critical, mustHaveData, muted,
                effectSizeMeasure, allowedDecrease, allowedIncrease, criticalDecrease, criticalIncrease, outliers);
    }

    public MetricConfig withDirection(Direction value) {
        return new MetricConfig(name, groups, value, kind, nanStrategy, critical, mustHaveData, muted,
                effectSizeMeasure, allowedDecrease, allowedIncrease, criticalDecrease, criticalIncrease, outliers);
    }

    public MetricConfig withKind(MetricKind value) {
        return new MetricConfig(name, groups, direction, value, nanStrategy, critical, mustHaveData, muted,
                effectSizeMeasure, allowedDecrease, allowedIncrease, criticalDecrease, criticalIncrease, outliers);
    }

    public MetricConfig withNanStrategy(NanStrategy value) {
        return new MetricConfig(name, groups, direction, kind, value, critical, mustHaveData, muted,
                effectSizeMeasure, allowedDecrease, allowedIncrease, criticalDecrease, criticalIncrease, outliers);
    }

    public MetricConfig withCritical(boolean value) {
        return new MetricConfig(name, groups, direction, kind, nanStrategy, value, mustHaveData, muted,
                effectSizeMeasure, allowedDecrease, allowedIncrease, criticalDecrease, criticalIncrease, outliers);
    }

    public MetricConfig withMustHaveData(boolean value) {
        return new MetricConfig(name, groups, direction, kind, nanStrategy, critical, value, muted,
                effectSizeMeasure, allowedDecrease, allowedIncrease, criticalDecrease, criticalIncrease, outliers);
    }

    public MetricConfig withMuted(boolean value) {
        return new MetricConfig(name, groups, direction, kind, nanStrategy, critical, mustHaveData, value,
                effectSizeMeasure, allowedDecrease, allowedIncrease, criticalDecrease, criticalIncrease, outliers);
    }

    /** Kayenta's effectSize block: measure, allowedDecrease, allowedIncrease. */
    public MetricConfig withEffectSize(EffectSizeMeasure measure, double decrease, double increase) {
        return new MetricConfig(name, groups, direction, kind, nanStrategy, critical, mustHaveData, muted,
                measure, decrease, increase, criticalDecrease, criticalIncrease, outliers);
    }

    /** Kayenta's effectSize block: criticalDecrease, criticalIncrease. */
    public MetricConfig withCriticalEffectSize(double decrease, double increase) {
        return new MetricConfig(name, groups, direction, kind, nanStrategy, critical, mustHaveData, muted,
                effectSizeMeasure, allowedDecrease, allowedIncrease, decrease, increase, outliers);
    }

    public MetricConfig withOutliers(OutlierFilter value) {
        return new MetricConfig(name, groups, direction, kind, nanStrategy, critical, mustHaveData, muted,
                effectSizeMeasure, allowedDecrease, allowedIncrease, criticalDecrease, criticalIncrease, value);
    }

    /** The classifier configuration Kayenta's judge builds for this metric. */
    public ClassifierConfig classifierConfig(double tolerance, double confidenceLevel) {
        return new ClassifierConfig(tolerance, confidenceLevel, allowedDecrease, allowedIncrease, criticalDecrease,
                criticalIncrease, effectSizeMeasure);
    }
}

package io.nightwatch.functions.canary;

/**
 * The samples of one metric for one canary stage: one value per interval for canary and baseline, and for
 * counts optionally the exposure (requests) of each interval. Arrays are not copied; callers must not mutate them.
 *
 * @param canaryExposure null: every interval has exposure 1
 * @param baselineExposure null: every interval has exposure 1
 * @param canarySeries null, or the canary's level per interval in time order, aligned with {@code baselineSeries}
 *     interval by interval (for the trend test; e.g. the mean over the canary instances of each timestamp)
 * @param baselineSeries null, or the baseline's level per interval, aligned with {@code canarySeries}
 */
public record MetricSamples(String name, double[] canary, double[] baseline, double[] canaryExposure,
        double[] baselineExposure, double[] canarySeries, double[] baselineSeries) {

    /** Samples without aligned series (no trend test). */
    public MetricSamples(String name, double[] canary, double[] baseline, double[] canaryExposure,
            double[] baselineExposure) {
        this(name, canary, baseline, canaryExposure, baselineExposure, null, null);
    }

    public MetricSamples {
        canary = canary == null ? new double[0] : canary;
        baseline = baseline == null ? new double[0] : baseline;
    }

    /** Gauge samples (or counts with unit exposure). */
    public static MetricSamples of(String name, double[] canary, double[] baseline) {
        return new MetricSamples(name, canary, baseline, null, null);
    }

    /** The same samples with aligned per-interval series for the trend test. */
    public MetricSamples withSeries(double[] canaryLevels, double[] baselineLevels) {
        return new MetricSamples(name, canary, baseline, canaryExposure, baselineExposure, canaryLevels,
                baselineLevels);
    }
}

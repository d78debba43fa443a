package io.nightwatch.functions.canary;

/**
 * The samples of one metric for one canary stage: one value per interval for canary and baseline, and for
 * counts optionally the exposure (requests) of each interval. Arrays are not copied; callers must not mutate them.
 *
 * @param canaryExposure null: every interval has exposure 1
 * @param baselineExposure null: every interval has exposure 1
 */
public record MetricSamples(String name, double[] canary, double[] baseline, double[] canaryExposure,
        double[] baselineExposure) {

    public MetricSamples {
        canary = canary == null ? new double[0] : canary;
        baseline = baseline == null ? new double[0] : baseline;
    }

    /** Gauge samples (or counts with unit exposure). */
    public static MetricSamples of(String name, double[] canary, double[] baseline) {
        return new MetricSamples(name, canary, baseline, null, null);
    }
}

package io.nightwatch.functions.canary;

/** Effect sizes between a canary sample and a baseline sample (Kayenta's EffectSizes). */
public final class EffectSizes {

    private EffectSizes() {}

    /** Canary mean over baseline mean; NaN when either mean is zero (as Kayenta), or when a sample is empty. */
    public static double meanRatio(double[] canary, double[] baseline) {
        if (canary.length == 0 || baseline.length == 0) {
            return Double.NaN;
        }
        double canaryMean = mean(canary);
        double baselineMean = mean(baseline);
        if (canaryMean == 0.0 || baselineMean == 0.0) {
            return Double.NaN;
        }
        return canaryMean / baselineMean;
    }

    /** P(canary sample > baseline sample) + P(equal) / 2, i.e. the Mann-Whitney U of the canary over n·m. */
    public static double cles(double[] canary, double[] baseline) {
        if (canary.length == 0 || baseline.length == 0) {
            return Double.NaN;
        }
        double u = RankSums.of(canary, baseline).u();
        return u / ((double) canary.length * baseline.length);
    }

    /** The arithmetic mean (NaN for an empty sample). */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}

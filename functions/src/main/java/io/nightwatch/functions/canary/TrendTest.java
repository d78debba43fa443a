package io.nightwatch.functions.canary;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Mann-Kendall trend test on the canary-minus-baseline difference per interval, with the Theil-Sen slope, for slow
 * leaks: a canary that starts level with its baseline and drifts away passes a location test on the whole window
 * (most of its samples are still close), yet its difference to the baseline grows interval after interval.
 * Differencing against the baseline of the same interval cancels what both sides share (daily load, a shared
 * dependency). S = Σ sign(d_j − d_i) over i &lt; j; Var(S) with the tie correction; z with a continuity correction;
 * one-sided p-values at (1 − confidence) / 2 like one side of the interval test. A trend counts when it is
 * significant and the Theil-Sen drift over the window reaches {@code minDrift} of the baseline's level.
 */
public final class TrendTest {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private final double confidenceLevel;
    private final double minDrift;

    /**
     * @param confidenceLevel a trend is tested one-sided at (1 − level) / 2
     * @param minDrift the drift over the window must be at least this share of the baseline's mean level
     */
    public TrendTest(double confidenceLevel, double minDrift) {
        this.confidenceLevel = confidenceLevel;
        this.minDrift = minDrift;
    }

    /**
     * The outcome.
     *
     * @param slope Theil-Sen slope of the difference per interval
     * @param drift slope × (n − 1): how far the difference moved over the window
     * @param relativeDrift drift / |baseline mean| (±∞ when the baseline's mean is 0 and the drift is not)
     * @param s Mann-Kendall S
     * @param z its normal score (continuity-corrected)
     * @param pValueRising one-sided p of "the difference rises"
     * @param pValueFalling one-sided p of "the difference falls"
     * @param rising significant and material rise
     * @param falling significant and material fall
     */
    public record Result(int n, double slope, double drift, double relativeDrift, double s, double z,
            double pValueRising, double pValueFalling, boolean rising, boolean falling) {}

    /** Tests two aligned series (same length, interval by interval, in time order; at least 3 intervals). */
    public Result test(double[] canary, double[] baseline) {
        if (canary.length != baseline.length) {
            throw new IllegalArgumentException("the series must be aligned: " + canary.length + " vs " + baseline.length);
        }
        int n = canary.length;
        if (n < 3) {
            throw new IllegalArgumentException("a trend needs at least 3 intervals, got " + n);
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = canary[i] - baseline[i];
        }
        double s = 0;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Math.signum(d[j] - d[i]);
                slopes[k++] = (d[j] - d[i]) / (j - i);
            }
        }
        double variance = (n * (n - 1.0) * (2 * n + 5) - tieTerm(d)) / 18.0;
        double z = variance <= 0 || s == 0 ? 0.0 : (s - Math.signum(s)) / Math.sqrt(variance);
        double pRising = 1.0 - STANDARD_NORMAL.cumulativeProbability(z);
        double pFalling = STANDARD_NORMAL.cumulativeProbability(z);
        Arrays.sort(slopes);
        double slope = slopes.length % 2 == 1 ? slopes[slopes.length / 2]
                : (slopes[slopes.length / 2 - 1] + slopes[slopes.length / 2]) / 2;
        double drift = slope * (n - 1);
        double level = Math.abs(EffectSizes.mean(baseline));
        double relative = level == 0 ? (drift == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, drift)) : drift / level;
        double alpha = (1.0 - confidenceLevel) / 2;
        return new Result(n, slope, drift, relative, s, z, pRising, pFalling,
                pRising < alpha && relative >= minDrift, pFalling < alpha && relative <= -minDrift);
    }

    /** Σ t(t − 1)(2t + 5) over groups of tied values. */
    private static double tieTerm(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double term = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            term += t * (t - 1) * (2 * t + 5);
            i = j + 1;
        }
        return term;
    }
}

package io.nightwatch.functions.canary;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.OneWayAnova;

/**
 * Brown-Forsythe test for a wider canary spread at an unchanged level (spinnaker/kayenta#780: a release that makes
 * latency erratic without moving its median passes a location test). One-way ANOVA (commons-math3) on absolute
 * deviations from each sample's median, the baseline's multiplied by a margin; with two groups F = t², so the
 * one-sided p-value for "canary wider than margin × baseline" is half the F-test's p-value when the canary's mean
 * deviation is the larger, else 1 − half. A spread counts as wider when that p-value is below (1 − confidence)/2
 * and the point estimate of the spread ratio reaches {@code minSpreadRatio}.
 */
public final class DispersionTest {

    private final double confidenceLevel;
    private final double margin;
    private final double minSpreadRatio;

    /**
     * @param confidenceLevel "wider" is tested one-sided at (1 − level) / 2, like one side of the interval test
     * @param margin the null hypothesis is "canary spread ≤ margin × baseline spread" (1 + Kayenta's tolerance:
     *     a spread must be significantly more than 25% wider, as a shift must clear 25% of itself)
     * @param minSpreadRatio the canary's mean absolute deviation must be at least this many times the baseline's
     */
    public DispersionTest(double confidenceLevel, double margin, double minSpreadRatio) {
        if (!(margin >= 1.0)) {
            throw new IllegalArgumentException("margin must be >= 1: " + margin);
        }
        this.confidenceLevel = confidenceLevel;
        this.margin = margin;
        this.minSpreadRatio = minSpreadRatio;
    }

    /**
     * The outcome.
     *
     * @param canarySpread mean absolute deviation of the canary from its median
     * @param baselineSpread same for the baseline
     * @param spreadRatio canarySpread / baselineSpread (+∞ when only the baseline is constant)
     * @param f Brown-Forsythe F statistic
     * @param pValueWider one-sided p-value of "canary spread is more than margin × the baseline's"
     * @param wider whether the canary counts as significantly and materially wider
     */
    public record Result(double canarySpread, double baselineSpread, double spreadRatio, double f,
            double pValueWider, boolean wider) {}

    /** Tests canary spread against baseline spread; each sample needs at least 2 values. */
    public Result test(double[] canary, double[] baseline) {
        if (canary.length < 2 || baseline.length < 2) {
            throw new IllegalArgumentException("each sample needs at least 2 values");
        }
        double[] zc = absoluteDeviations(canary);
        double[] zb = absoluteDeviations(baseline);
        double sc = EffectSizes.mean(zc);
        double sb = EffectSizes.mean(zb);
        double ratio = sb == 0.0 ? (sc == 0.0 ? 1.0 : Double.POSITIVE_INFINITY) : sc / sb;
        // Test against the margin: compare the canary's deviations with the baseline's scaled up by it.
        for (int i = 0; i < zb.length; i++) {
            zb[i] *= margin;
        }
        sb *= margin;
        double f;
        double pTwoSided;
        if (variance(zc) == 0.0 && variance(zb) == 0.0) {
            f = sc == sb ? 0.0 : Double.POSITIVE_INFINITY;
            pTwoSided = sc == sb ? 1.0 : 0.0;
        } else {
            OneWayAnova anova = new OneWayAnova();
            List<double[]> groups = List.of(zc, zb);
            f = anova.anovaFValue(groups);
            pTwoSided = anova.anovaPValue(groups);
        }
        double pWider = sc > sb ? pTwoSided / 2 : 1.0 - pTwoSided / 2;
        boolean wider = pWider < (1.0 - confidenceLevel) / 2 && ratio >= minSpreadRatio;
        return new Result(sc, sb / margin, ratio, f, pWider, wider);
    }

    private static double[] absoluteDeviations(double[] values) {
        double median = new Median().evaluate(values);
        double[] z = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            z[i] = Math.abs(values[i] - median);
        }
        return z;
    }

    private static double variance(double[] values) {
        double m = EffectSizes.mean(values);
        double s = 0.0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return s;
    }
}

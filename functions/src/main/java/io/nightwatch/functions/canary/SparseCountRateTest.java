package io.nightwatch.functions.canary;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Compares event rates (errors per request) of canary and baseline from their total counts and exposures with
 * the exact conditional test: given N = C + B events, C is Binomial(N, Ec / (Ec + Eb)) when the rates are equal.
 * A few 5xx among thousands of requests are judged on their counts, where a rank test on mostly-zero per-interval
 * samples sees ties and passes (spinnaker/kayenta#426).
 *
 * <p>Overdispersion guard: bursty counts (more interval-to-interval variation than Poisson) would make the exact
 * test too eager, so the Pearson dispersion φ = χ² / df of the per-interval counts around each side's own rate is
 * estimated and, when above 1, counts are divided by φ before the test (quasi-Poisson scaling). The binomial tail
 * is then the regularized incomplete beta function, which takes non-integer counts.
 */
public final class SparseCountRateTest {

    private final double confidenceLevel;
    private final boolean dispersionGuard;

    /**
     * @param confidenceLevel as for the interval test: each direction is tested one-sided at (1 − level) / 2
     * @param dispersionGuard whether to scale counts down by the estimated overdispersion
     */
    public SparseCountRateTest(double confidenceLevel, boolean dispersionGuard) {
        this.confidenceLevel = confidenceLevel;
        this.dispersionGuard = dispersionGuard;
    }

    /**
     * The outcome.
     *
     * @param rateRatio canary rate / baseline rate (+∞ when the baseline had no events, NaN when neither had)
     * @param ratioLower lower end of the exact (Clopper-Pearson) interval of the rate ratio
     * @param ratioUpper upper end of that interval
     * @param pValueHigher one-sided p-value of "canary rate is higher"
     * @param pValueLower one-sided p-value of "canary rate is lower"
     * @param dispersion φ used to scale the counts (1 = Poisson)
     */
    public record Result(double canaryCount, double baselineCount, double canaryExposure, double baselineExposure,
            double rateRatio, double ratioLower, double ratioUpper, double pValueHigher, double pValueLower,
            double dispersion) {

        public double canaryRate() {
            return canaryCount / canaryExposure;
        }

        public double baselineRate() {
            return baselineCount / baselineExposure;
        }
    }

    /**
     * Tests canary counts against baseline counts.
     *
     * @param canaryExposure per-interval exposure (e.g. requests); null means 1 per interval
     * @param baselineExposure likewise for the baseline
     */
    public Result test(double[] canaryCounts, double[] canaryExposure, double[] baselineCounts,
            double[] baselineExposure) {
        double[] ce = exposureOrOnes(canaryExposure, canaryCounts.length);
        double[] be = exposureOrOnes(baselineExposure, baselineCounts.length);
        double c = sum(canaryCounts);
        double b = sum(baselineCounts);
        double ec = sum(ce);
        double eb = sum(be);
        if (c < 0 || b < 0 || !(ec > 0) || !(eb > 0)) {
            throw new IllegalArgumentException("counts must be >= 0 and exposures > 0");
        }
        double phi = dispersionGuard ? dispersion(canaryCounts, ce, baselineCounts, be) : 1.0;
        double cs = c / phi;
        double bs = b / phi;
        double n = cs + bs;
        double p0 = ec / (ec + eb);
        double ratio = b == 0 ? (c == 0 ? Double.NaN : Double.POSITIVE_INFINITY) : (c / ec) / (b / eb);
        if (n == 0) {
            return new Result(c, b, ec, eb, ratio, 0.0, Double.POSITIVE_INFINITY, 1.0, 1.0, phi);
        }
        // P(X >= cs) and P(X <= cs) for X ~ Binomial(n, p0), continued to real counts via the incomplete beta.
        double pHigher = cs <= 0 ? 1.0 : Beta.regularizedBeta(p0, cs, n - cs + 1);
        double pLower = cs >= n ? 1.0 : 1.0 - Beta.regularizedBeta(p0, cs + 1, n - cs);
        double alpha = 1.0 - confidenceLevel;
        double pL = cs <= 0 ? 0.0 : new BetaDistribution(null, cs, n - cs + 1).inverseCumulativeProbability(alpha / 2);
        double pU = cs >= n ? 1.0
                : new BetaDistribution(null, cs + 1, n - cs).inverseCumulativeProbability(1 - alpha / 2);
        double scale = eb / ec;
        double lower = pL / (1 - pL) * scale;
        double upper = pU >= 1.0 ? Double.POSITIVE_INFINITY : pU / (1 - pU) * scale;
        return new Result(c, b, ec, eb, ratio, lower, upper, Math.min(1.0, pHigher), Math.min(1.0, pLower), phi);
    }

    /** Whether the canary rate is significantly higher and at least {@code minRatio} times the baseline's. */
    public boolean isHigher(Result r, double minRatio) {
        return r.pValueHigher() < (1.0 - confidenceLevel) / 2 && !(r.rateRatio() < minRatio);
    }

    /** Whether the canary rate is significantly lower and at most {@code maxRatio} times the baseline's. */
    public boolean isLower(Result r, double maxRatio) {
        return r.pValueLower() < (1.0 - confidenceLevel) / 2 && !(r.rateRatio() > maxRatio);
    }

    /**
     * Pearson dispersion of per-interval counts around each side's own constant rate, floored at 1.
     * Sides without events carry no information about dispersion and are skipped.
     */
    static double dispersion(double[] c, double[] ce, double[] b, double[] be) {
        double chi2 = 0.0;
        int df = 0;
        for (int side = 0; side < 2; side++) {
            double[] counts = side == 0 ? c : b;
            double[] exposure = side == 0 ? ce : be;
            double total = sum(counts);
            double totalExposure = sum(exposure);
            if (total <= 0 || counts.length < 2) {
                continue;
            }
            double rate = total / totalExposure;
            for (int i = 0; i < counts.length; i++) {
                double expected = rate * exposure[i];
                if (expected > 0) {
                    double d = counts[i] - expected;
                    chi2 += d * d / expected;
                }
            }
            df += counts.length - 1;
        }
        return df == 0 ? 1.0 : Math.max(1.0, chi2 / df);
    }

    private static double[] exposureOrOnes(double[] exposure, int n) {
        if (exposure == null) {
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            return ones;
        }
        if (exposure.length != n) {
            throw new IllegalArgumentException("exposure has " + exposure.length + " entries for " + n + " counts");
        }
        return exposure;
    }

    private static double sum(double[] values) {
        double s = 0.0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}

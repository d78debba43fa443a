package io.nightwatch.functions.canary;

import org.apache.commons.math3.special.Erf;

/**
 * The Wilcoxon rank-sum / Mann-Whitney U test as R's {@code wilcox.test(x, y, exact = FALSE, correct = TRUE)}
 * computes it: normal approximation with tie correction and continuity correction, two-sided.
 *
 * <p>commons-math3's {@code MannWhitneyUTest} is not used for the p-value: it has neither the tie correction of
 * the variance nor the continuity correction, so it differs from R whenever samples tie (always, for sparse
 * metrics) and for small samples.
 */
public final class MannWhitney {

    private MannWhitney() {}

    /** The outcome of the rank-sum test of canary x against baseline y. */
    public record Result(double u, double z, double pValue, int nX, int nY) {}

    /** Two-sided test of H0: x and y have the same location (shift 0). Samples must be non-empty, NaN-free. */
    public static Result test(double[] x, double[] y) {
        RankSums r = RankSums.of(x, y);
        double nx = x.length;
        double ny = y.length;
        double u = r.u();
        double centred = u - nx * ny / 2;
        double sigma = sigma(nx, ny, r.tieTerm());
        if (sigma == 0.0) {
            return new Result(u, 0.0, 1.0, x.length, y.length);
        }
        double correction = Math.signum(centred) * 0.5;
        double z = (centred - correction) / sigma;
        double p = Math.min(1.0, Erf.erfc(Math.abs(z) / Math.sqrt(2.0)));
        return new Result(u, z, p, x.length, y.length);
    }

    /**
     * R's {@code wdiff(d, zq)} with continuity correction (Kayenta's {@code MannWhitney.wilcoxonDiff}): the
     * standardized rank-sum statistic of {@code x - mu} against {@code y}, minus {@code quantile}.
     *
     * @throws IllegalArgumentException when all pooled observations tie (R: "cannot compute confidence interval")
     */
    public static double wilcoxonDiff(double mu, double quantile, double[] x, double[] y) {
        return wilcoxonDiff(mu, quantile, x, y, true);
    }

    /** {@link #wilcoxonDiff(double, double, double[], double[])} with or without the continuity correction. */
    public static double wilcoxonDiff(double mu, double quantile, double[] x, double[] y, boolean correct) {
        double xLen = x.length;
        double yLen = y.length;
        RankSums r = RankSums.shifted(x, mu, y);
        double dz = r.rankSumX() - xLen * (xLen + 1) / 2 - xLen * yLen / 2;
        double correction = correct ? Math.signum(dz) * 0.5 : 0.0;
        double sigma = sigma(xLen, yLen, r.tieTerm());
        if (sigma == 0.0) {
            throw new IllegalArgumentException("cannot compute confidence interval when all observations are tied");
        }
        return (dz - correction) / sigma - quantile;
    }

    /** Standard deviation of U under H0 with the tie correction, in R's operation order. */
    private static double sigma(double xLen, double yLen, double tieTerm) {
        return Math.sqrt((xLen * yLen / 12) * ((xLen + yLen + 1) - tieTerm / ((xLen + yLen) * (xLen + yLen - 1))));
    }
}

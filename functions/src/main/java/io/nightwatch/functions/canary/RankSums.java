package io.nightwatch.functions.canary;

import java.util.Arrays;

/**
 * Mid-rank sum of a first sample within the pooled sample, plus the tie term sum(t^3 - t) over tie groups.
 *
 * <p>Equivalent to commons-math3's {@code NaturalRanking(TiesStrategy.AVERAGE)} followed by a sum, but without
 * boxing, and it also returns the tie sizes the normal approximation needs. Samples must not hold NaN.
 */
record RankSums(double rankSumX, double tieTerm, int nX, int nY) {

    /** Ranks {@code x} (shifted by nothing) within x ∪ y. */
    static RankSums of(double[] x, double[] y) {
        return shifted(x, 0.0, y);
    }

    /** Ranks {@code x - mu} within (x - mu) ∪ y, the quantity R's wilcox.test inverts for its interval. */
    static RankSums shifted(double[] x, double mu, double[] y) {
        int nx = x.length;
        int ny = y.length;
        double[] xs = new double[nx];
        for (int i = 0; i < nx; i++) {
            xs[i] = x[i] - mu;
        }
        double[] pooled = new double[nx + ny];
        System.arraycopy(xs, 0, pooled, 0, nx);
        System.arraycopy(y, 0, pooled, nx, ny);
        Arrays.sort(xs);
        Arrays.sort(pooled);
        double rankSum = 0.0;
        double ties = 0.0;
        int xi = 0;
        int i = 0;
        int n = pooled.length;
        while (i < n) {
            int j = i + 1;
            while (j < n && pooled[j] == pooled[i]) {
                j++;
            }
            double t = j - i;
            double midRank = (i + 1 + j) / 2.0;
            int inX = 0;
            while (xi < nx && xs[xi] == pooled[i]) {
                inX++;
                xi++;
            }
            rankSum += inX * midRank;
            ties += t * t * t - t;
            i = j;
        }
        return new RankSums(rankSum, ties, nx, ny);
    }

    /** The Mann-Whitney U of x: its rank sum minus nX(nX+1)/2 (R's W statistic). */
    double u() {
        return rankSumX - (double) nX * (nX + 1) / 2.0;
    }
}

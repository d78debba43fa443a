package io.nightwatch.functions.anomaly;

/**
 * Online per-series anomaly detector; sees each value once, keeps a fixed-size {@link DetectorState}.
 *
 * <p>Three detectors vote (the final score is the largest of them), then a suppression period keeps one alarm per
 * episode:
 * <ol>
 *   <li><b>breakout</b>: the value leaves the learned all-time range by more than a tolerance → 1;</li>
 *   <li><b>sequence novelty likelihood</b>: values are quantized over the learned range; the fraction of the
 *       level sequences ending here (orders 1..k) that were never seen is the raw novelty; as in HTM's anomaly
 *       likelihood, its short average is compared with its long-run distribution (Gaussian tail) and log-scaled;</li>
 *   <li><b>regime novelty</b>: the pair (level of the short mean, bin of log short/long variance) never seen before,
 *       scored by how rare new regimes have recently been.</li>
 * </ol>
 * Pure code: no Flink, no I/O, deterministic.
 */
public final class StreamingDetector {
    private static final double LOG_LIKELIHOOD_FLOOR = Math.log(1e-10);
    private static final double LIKELIHOOD_EPSILON = 1.0000000001;
    private static final int VARIANCE_BINS = 8;
    private static final long REGIME_KEY_BASE = 5000;

    private final DetectorParams params;

    public StreamingDetector(DetectorParams params) {
        this.params = params;
    }

    public StreamingDetector() {
        this(DetectorParams.defaults());
    }

    public DetectorParams params() {
        return params;
    }

    /** A fresh state for a new series. */
    public DetectorState newState() {
        return new DetectorState(params.noveltyBits());
    }

    /**
     * Scores {@code value} and learns from it. Non-finite values score 0 and leave the state unchanged.
     * {@code timestampMillis} is part of the contract for seasonal context; the current method orders by arrival only.
     */
    public Score update(DetectorState state, long timestampMillis, double value) {
        DetectorParams p = params;
        if (state.seenPatterns == null) state.seenPatterns = new long[p.noveltyBits() / 64];
        if (!Double.isFinite(value)) return Score.none(state.low, state.high);
        long n = state.count++;
        if (n == 0) state.edgeMean = value;
        double headroom = headroom(state, value);
        state.edgeMean += p.headroomAlpha() * (value - state.edgeMean);
        updateMoments(state, value, n);

        double expectedLow = state.low - (state.high - state.low) * p.breakoutTolerance();
        double expectedHigh = state.high + (state.high - state.low) * p.breakoutTolerance();
        boolean breakout = isBreakout(state, value, headroom);
        double width = state.high - state.low;
        int level = levelOf(value, state.low, width);
        state.levelHistory = (state.levelHistory << 4) | level;
        double novelty = sequenceNovelty(state, n);
        double regime = n >= p.statsWarmupPoints() ? regimeNovelty(state, n, width) : 0;
        double likelihood = noveltyLikelihood(state, novelty, n);

        double score = Math.max(likelihood, regime);
        if (breakout && n >= p.warmupPoints()) score = 1;
        if (n < p.warmupPoints()) score = 0;
        return new Score(suppress(state, score), expectedLow, expectedHigh, breakout, novelty, likelihood, regime);
    }

    private void updateMoments(DetectorState s, double x, long n) {
        if (n == 0) {
            s.shortMean = x; s.longMean = x; s.shortVariance = 0; s.longVariance = 0;
            s.low = x; s.high = x;
        }
        double a = params.shortAlpha();
        double d = x - s.shortMean;
        s.shortMean += a * d;
        s.shortVariance = (1 - a) * (s.shortVariance + a * d * d);
        double b = params.longAlpha();
        double e = x - s.longMean;
        s.longMean += b * e;
        s.longVariance = (1 - b) * (s.longVariance + b * e * e);
    }

    /** Distance, as a fraction of the range, between the recent mean and the edge x is crossing (1 inside). */
    private static double headroom(DetectorState s, double x) {
        double width = s.high - s.low;
        if (!(width > 0)) return 1;
        if (x > s.high) return (s.high - s.edgeMean) / width;
        if (x < s.low) return (s.edgeMean - s.low) / width;
        return 1;
    }

    /** True when x leaves [low, high] by more than the tolerance from well inside; then widens the learned range. */
    private boolean isBreakout(DetectorState s, double x, double headroom) {
        double width = s.high - s.low;
        boolean out = false;
        if (width > 0) {
            double tolerance = width * params.breakoutTolerance();
            out = (x > s.high + tolerance || x < s.low - tolerance) && headroom > params.breakoutHeadroom();
        }
        if (x > s.high) s.high = x;
        if (x < s.low) s.low = x;
        return out;
    }

    private int levelOf(double x, double low, double width) {
        int levels = params.levels();
        return width > 0 ? (int) Math.min(levels - 1, Math.floor((x - low) / width * levels)) : 0;
    }

    /** Fraction of the level sequences of length 2..orders+1 ending here that were never seen (and marks them seen). */
    private double sequenceNovelty(DetectorState s, long n) {
        int orders = params.sequenceOrders();
        int unseen = 0;
        for (int k = 1; k <= orders; k++) {
            long key = s.levelHistory & ((1L << (4 * (k + 1))) - 1);
            if (markSeen(s, mix64(key * 31 + k))) unseen++;
        }
        return n < orders + 1 ? 0 : unseen / (double) orders;
    }

    /** Score of the current (short-mean level, variance-ratio bin) regime if it was never seen, else 0. */
    private double regimeNovelty(DetectorState s, long n, double width) {
        DetectorParams p = params;
        int meanLevel = levelOf(s.shortMean, s.low, width);
        double ratio = Math.log((s.shortVariance + 1e-18) / (s.longVariance + 1e-18));
        int varianceBin = (int) Math.max(0, Math.min(VARIANCE_BINS - 1,
                Math.floor(ratio / p.varianceRatioBin()) + VARIANCE_BINS / 2));
        long key = REGIME_KEY_BASE + meanLevel * 16L + varianceBin;
        boolean unseen = markSeen(s, mix64(key * 7919 + 1));
        double rate = s.regimeRate;
        double score = 0;
        if (unseen && n >= p.warmupPoints()) {
            score = Math.min(1, Math.log(Math.max(rate, p.regimeRateFloor())) / Math.log(p.regimeReference()));
        }
        s.regimeRate += (float) (p.regimeRateAlpha() * ((unseen ? 1 : 0) - rate));
        return score;
    }

    /** HTM-style anomaly likelihood of the smoothed novelty, log-scaled to [0,1]. */
    private double noveltyLikelihood(DetectorState s, double novelty, long n) {
        DetectorParams p = params;
        s.noveltyAverage += (float) (p.noveltyAverageAlpha() * (novelty - s.noveltyAverage));
        double likelihood = 0;
        if (n >= p.likelihoodWarmupPoints()) {
            double sd = Math.sqrt(Math.max(s.noveltyVariance, p.likelihoodMinVariance()));
            likelihood = 1 - gaussianTail((s.noveltyAverage - s.noveltyMean) / sd);
        }
        double d = s.noveltyAverage - s.noveltyMean;
        s.noveltyMean += (float) (p.likelihoodAlpha() * d);
        s.noveltyVariance = (float) ((1 - p.likelihoodAlpha()) * (s.noveltyVariance + p.likelihoodAlpha() * d * d));
        return Math.max(0, Math.min(1, Math.log(LIKELIHOOD_EPSILON - likelihood) / LOG_LIKELIHOOD_FLOOR));
    }

    /** Within the rest period after an event only scores clearly above the strongest one so far pass. */
    private double suppress(DetectorState s, double score) {
        s.pointsSinceEvent++;
        if (s.pointsSinceEvent <= params.restPoints()) {
            boolean stronger = score >= 1 ? score > s.eventScore : score > s.eventScore + params.restMargin();
            if (stronger) {
                s.eventScore = score;
                return score;
            }
            return 0;
        }
        if (score >= params.restTrigger()) {
            s.pointsSinceEvent = 0;
            s.eventScore = score;
        }
        return score;
    }

    /** Sets the bit of {@code hash}; true if it was clear (pattern unseen). */
    private boolean markSeen(DetectorState s, long hash) {
        int h = (int) (hash & (params.noveltyBits() - 1));
        long bit = 1L << (h & 63);
        long[] seen = s.seenPatterns;
        if ((seen[h >>> 6] & bit) != 0) return false;
        seen[h >>> 6] |= bit;
        return true;
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Upper tail probability of the standard normal distribution. */
    static double gaussianTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** Complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double r = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}

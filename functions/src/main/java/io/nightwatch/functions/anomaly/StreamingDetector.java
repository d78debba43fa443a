package io.nightwatch.functions.anomaly;

/**
 * Online per-series anomaly detector; sees each value once, keeps a fixed-size {@link DetectorState}.
 *
 * <p>Two tiers of evidence. The <b>strong</b> tier: three detectors vote (the largest wins), then a suppression
 * period keeps one alarm per episode:
 * <ol>
 *   <li><b>breakout</b>: the value leaves the learned all-time range by more than a tolerance → 1;</li>
 *   <li><b>sequence novelty likelihood</b>: values are quantized over the learned range; the fraction of the level
 *       sequences ending here (orders 1..k) that were never seen is the raw novelty; as in HTM's anomaly
 *       likelihood, its short average is compared with its long-run distribution (Gaussian tail) and log-scaled;</li>
 *   <li><b>regime novelty</b>: the pair (level of the short mean, bin of log short/long variance) never seen before,
 *       scored by how rare new regimes have recently been.</li>
 * </ol>
 * A strong score below {@link DetectorParams#strongLevel()} is capped at {@link #PATTERN_FLOOR}. The <b>pattern</b>
 * tier sits between: the series is pooled into blocks of a fixed duration (each block keeps its most deviating
 * extreme), the last {@link DetectorParams#patternLength()} blocks form a pattern, quantized on several shifted grids
 * and hashed into a second bit set; a pattern no grid has seen before scores in [{@link #PATTERN_FLOOR},
 * {@link #PATTERN_CEILING}] by how rare unseen patterns have recently been. Pure code: no Flink, no I/O,
 * deterministic.
 */
public final class StreamingDetector {
    /** Lowest final score of a pattern event; strong scores below {@link DetectorParams#strongLevel()} are capped here. */
    public static final double PATTERN_FLOOR = 0.5;
    /** Highest final score of a pattern event (below the usual alarm thresholds, which are for strong evidence). */
    public static final double PATTERN_CEILING = 0.85;

    private static final double LOG_LIKELIHOOD_FLOOR = Math.log(1e-10);
    private static final double LIKELIHOOD_EPSILON = 1.0000000001;
    private static final int VARIANCE_BINS = 8;
    private static final long REGIME_KEY_BASE = 5000;
    private static final long SEED_MIX = 0x9E3779B97F4A7C15L;
    /** Points whose timestamps give the sampling step; the pattern memory starts after them. */
    private static final int STEP_POINTS = 16;
    /** Blocks before an unseen pattern counts as an event (the base rate needs them to settle). */
    private static final int PATTERN_WARMUP_BLOCKS = 30;
    private static final double PATTERN_RATE_FLOOR = 1e-4;
    private static final int SATURATED = Integer.MAX_VALUE / 2;

    private final DetectorParams params;
    private final double logPatternReference;

    public StreamingDetector(DetectorParams params) {
        this.params = params;
        this.logPatternReference = Math.log(params.patternReference());
    }

    public StreamingDetector() {
        this(DetectorParams.defaults());
    }

    public DetectorParams params() {
        return params;
    }

    /** A fresh state for a new series. */
    public DetectorState newState() {
        return new DetectorState(params);
    }

    /**
     * Scores {@code value} and learns from it. Non-finite values score 0 and leave the state unchanged.
     * {@code timestampMillis} gives the sampling step (from the first points), which sets the block size of the
     * pattern memory; otherwise the detector orders by arrival.
     */
    public Score update(DetectorState state, long timestampMillis, double value) {
        DetectorParams p = params;
        if (state.seenPatterns == null) state.seenPatterns = new long[p.noveltyBits() / 64];
        if (state.patternSeen == null) state.patternSeen = new long[p.patternBits() / 64];
        if (state.patternWindow == null) state.patternWindow = new float[p.patternLength()];
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
        double pattern = patternNovelty(state, timestampMillis, value, n);

        double strong = Math.max(likelihood, regime);
        if (breakout && n >= p.warmupPoints()) strong = 1;
        if (n < p.warmupPoints()) {
            strong = 0;
            pattern = 0;
        }
        double score = suppress(state, strong);
        if (state.pointsSinceWeak < SATURATED) state.pointsSinceWeak++;
        if (strong >= p.restTrigger()) state.pointsSinceWeak = 0;
        if (score < p.strongLevel()) {
            score = Math.min(score, PATTERN_FLOOR);
            if (pattern > 0 && state.pointsSinceWeak > (long) p.patternLength() * state.patternBlock) {
                // noisy-OR of the two sources: the pattern's rarity and the (sub-alarm) strong evidence at this point
                double evidence = 1 - (1 - pattern) * (1 - strong);
                score = Math.max(score, PATTERN_FLOOR + (PATTERN_CEILING - PATTERN_FLOOR) * evidence);
                state.pointsSinceWeak = 0;
            }
        }
        return new Score(score, expectedLow, expectedHigh, breakout, novelty, likelihood, regime, pattern);
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

    /**
     * Pattern memory at the scale of hours. Returns the rarity score in [0,1] of the pattern ending with this point
     * when it is unseen (at least a tiny positive number), else 0 (also between block ends).
     */
    private double patternNovelty(DetectorState s, long timestampMillis, double x, long n) {
        DetectorParams p = params;
        if (n > 0 && n <= STEP_POINTS && timestampMillis > s.lastTimestamp) {
            s.sampleStep = Math.min(s.sampleStep, timestampMillis - s.lastTimestamp);
        }
        s.lastTimestamp = timestampMillis;
        if (n == STEP_POINTS) s.patternBlock = blockPoints(p.patternBlockMinutes() * 60_000, s.sampleStep);
        if (s.patternBlock == 0) return 0;

        if (s.blockPoints == 0) { s.blockMax = x; s.blockMin = x; s.blockSum = 0; }
        s.blockMax = Math.max(s.blockMax, x);
        s.blockMin = Math.min(s.blockMin, x);
        s.blockSum += x;
        if (++s.blockPoints < s.patternBlock) return 0;

        // the block is complete: pool it into its most deviating extreme (ARTime-style max/min pooling)
        double mean = s.blockSum / s.blockPoints;
        s.blockPoints = 0;
        if (s.patternBlocks == 0) s.blockAverage = mean;
        s.blockAverage = 0.5 * (s.blockAverage + mean);
        double pooled = Math.abs(s.blockMax - s.blockAverage) >= Math.abs(s.blockMin - s.blockAverage) ? s.blockMax : s.blockMin;
        double width = s.high - s.low;
        if (Math.abs(pooled - mean) < p.patternChomp() * width) pooled = mean;
        float[] window = s.patternWindow;
        int length = window.length;
        System.arraycopy(window, 1, window, 0, length - 1);
        window[length - 1] = (float) pooled;
        if (s.patternBlocks < SATURATED) s.patternBlocks++;
        if (s.patternBlocks < length || !(width > 0)) return 0;

        // seen before if any of the shifted grids saw it; every grid's key is recorded
        int levels = p.patternLevels();
        int grids = p.patternGrids();
        boolean unseen = true;
        for (int g = 0; g < grids; g++) {
            double offset = g / (double) grids;
            long key = 17 + g;
            for (float v : window) {
                double u = (v - s.low) / width;
                key = key * 131 + (int) Math.max(-1, Math.min(levels, Math.floor(u * levels + offset)));
            }
            if (!markPattern(s, key)) unseen = false;
        }
        double rate = s.patternRate;
        s.patternRate += p.patternRateAlpha() * ((unseen ? 1 : 0) - rate);
        if (!unseen || s.patternBlocks < PATTERN_WARMUP_BLOCKS) return 0;
        double rarity = Math.min(1, Math.log(Math.max(rate, PATTERN_RATE_FLOOR)) / logPatternReference);
        return Math.max(rarity, 1e-9);
    }

    /** Points per block of {@code blockMillis} at the sampling step (1 if the step is unknown). */
    private static int blockPoints(double blockMillis, long step) {
        if (step <= 0 || step == Long.MAX_VALUE) return 1;
        return (int) Math.max(1, Math.min(SATURATED, Math.round(blockMillis / step)));
    }

    /** Within the rest period after an event only scores clearly above the strongest one so far pass. */
    private double suppress(DetectorState s, double score) {
        if (s.pointsSinceEvent < SATURATED) s.pointsSinceEvent++;
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

    /** Sets the bit of {@code hash} in the sequence/regime set; true if it was clear (unseen). */
    private boolean markSeen(DetectorState s, long hash) {
        if (params.hashSeed() != 0) hash = mix64(hash + params.hashSeed() * SEED_MIX);
        int h = (int) (hash & (params.noveltyBits() - 1));
        return setBit(s.seenPatterns, h);
    }

    /** Sets the bit of a pattern key in the pattern set; true if it was clear (unseen). */
    private boolean markPattern(DetectorState s, long key) {
        long[] seen = s.patternSeen;
        int h = (int) ((mix64(key + params.hashSeed() * SEED_MIX) >>> 1) % (seen.length * 64L));
        return setBit(seen, h);
    }

    private static boolean setBit(long[] seen, int h) {
        long bit = 1L << (h & 63);
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

package io.nightwatch.functions.anomaly;

import java.io.Serializable;

/**
 * Tuning constants of {@link StreamingDetector}: one set for every series (values measured on NAB, see
 * README-anomaly.md).
 *
 * @param warmupPoints             points scored 0 while the statistics settle
 * @param statsWarmupPoints        points before the regime memory starts recording
 * @param levels                   quantization levels over the learned value range (sequence novelty, regimes)
 * @param sequenceOrders           longest level sequence (in levels before the current one) checked for novelty
 * @param noveltyBits              size of the hashed "pattern seen" bit set (power of two)
 * @param breakoutTolerance        fraction of the learned range a value must exceed it by to count as a breakout
 * @param breakoutHeadroom         fraction of the range the recent mean must have been away from the crossed edge
 *                                 (a series creeping along its edge, i.e. drifting, does not break out)
 * @param headroomAlpha            EW rate of that recent mean
 * @param noveltyAverageAlpha      EW smoothing of the raw sequence novelty (HTM's short moving average)
 * @param likelihoodAlpha          EW rate of the long-run mean/variance of the smoothed novelty
 * @param likelihoodMinVariance    floor on that variance
 * @param likelihoodWarmupPoints   points before the likelihood is computed
 * @param shortAlpha               EW rate of the short mean/variance (regime)
 * @param longAlpha                EW rate of the long mean/variance (regime)
 * @param varianceRatioBin         width (natural log units) of a bin of log(short variance / long variance)
 * @param regimeRateAlpha          EW rate of the base rate at which new regimes appear
 * @param regimeRateFloor          lower bound on that base rate
 * @param regimeReference          base rate at or below which a new regime scores 1
 * @param restPoints               suppression period after an event: only stronger scores are emitted
 * @param restTrigger              score that starts a suppression period
 * @param restMargin               how much a score below 1 must beat the period's best to be emitted
 * @param strongLevel              a strong score (breakout, regime, likelihood) below this carries no alarm on its
 *                                 own: it is capped at {@link StreamingDetector#PATTERN_FLOOR}, below the pattern tier
 * @param patternBlockMinutes      duration pooled into one block of the pattern memory (converted to points with
 *                                 the sampling step learned from the first timestamps)
 * @param patternLength            blocks per pattern; also the minimum spacing of two pattern events, in blocks
 * @param patternLevels            quantization levels of a pooled block over the learned range
 * @param patternGrids             shifted quantization grids: a pattern counts as seen if any grid saw it
 * @param patternChomp             fraction of the range within which a block's extreme is replaced by its mean
 * @param patternBits              size of the hashed "pattern seen" bit set of the pattern memory (power of two)
 * @param patternRateAlpha         EW rate (per block) of the base rate at which unseen patterns appear
 * @param patternReference         base rate at or below which an unseen pattern gets the top pattern score
 * @param hashSeed                 seed of the hashing into both bit sets (0: the plain mixer); other seeds change
 *                                 only which keys collide, and serve the robustness check in README-anomaly.md
 */
public record DetectorParams(
        int warmupPoints,
        int statsWarmupPoints,
        int levels,
        int sequenceOrders,
        int noveltyBits,
        double breakoutTolerance,
        double breakoutHeadroom,
        double headroomAlpha,
        double noveltyAverageAlpha,
        double likelihoodAlpha,
        double likelihoodMinVariance,
        int likelihoodWarmupPoints,
        double shortAlpha,
        double longAlpha,
        double varianceRatioBin,
        double regimeRateAlpha,
        double regimeRateFloor,
        double regimeReference,
        int restPoints,
        double restTrigger,
        double restMargin,
        double strongLevel,
        double patternBlockMinutes,
        int patternLength,
        int patternLevels,
        int patternGrids,
        double patternChomp,
        int patternBits,
        double patternRateAlpha,
        double patternReference,
        long hashSeed) implements Serializable {

    /** The parameter set measured on NAB. */
    public static DetectorParams defaults() {
        return new DetectorParams(100, 30, 10, 6, 8192, 0.05, 0.15, 0.1, 0.15, 0.002, 0.0009, 150,
                0.08, 0.004, 1.2, 0.002, 1e-4, 0.05, 120, 0.6, 0.01,
                0.998, 120, 8, 8, 2, 0.05, 2048, 0.04, 0.01, 0);
    }

    /** The same parameters with another {@link #hashSeed()}. */
    public DetectorParams withHashSeed(long seed) {
        return new DetectorParams(warmupPoints, statsWarmupPoints, levels, sequenceOrders, noveltyBits,
                breakoutTolerance, breakoutHeadroom, headroomAlpha, noveltyAverageAlpha, likelihoodAlpha,
                likelihoodMinVariance, likelihoodWarmupPoints, shortAlpha, longAlpha, varianceRatioBin, regimeRateAlpha,
                regimeRateFloor, regimeReference, restPoints, restTrigger, restMargin, strongLevel, patternBlockMinutes,
                patternLength, patternLevels, patternGrids, patternChomp, patternBits, patternRateAlpha,
                patternReference, seed);
    }

    public DetectorParams {
        if (levels < 2 || levels > 16) throw new IllegalArgumentException("levels must be in 2..16");
        if (sequenceOrders < 1 || sequenceOrders > 15) throw new IllegalArgumentException("sequenceOrders must be in 1..15");
        if (noveltyBits < 64 || Integer.bitCount(noveltyBits) != 1) throw new IllegalArgumentException("noveltyBits must be a power of two >= 64");
        if (patternBits < 64 || Integer.bitCount(patternBits) != 1) throw new IllegalArgumentException("patternBits must be a power of two >= 64");
        if (patternLength < 1 || patternLength > 32) throw new IllegalArgumentException("patternLength must be in 1..32");
        if (patternLevels < 2) throw new IllegalArgumentException("patternLevels must be >= 2");
        if (patternGrids < 1) throw new IllegalArgumentException("patternGrids must be >= 1");
        if (!(patternBlockMinutes > 0)) throw new IllegalArgumentException("patternBlockMinutes must be > 0");
    }
}

package io.nightwatch.functions.canary;

import java.io.Serializable;

/**
 * Settings of a {@link CanaryJudge}.
 *
 * @param mode KAYENTA: exactly Kayenta's judge; ENHANCED: plus the rules below
 * @param tolerance Kayenta's tolerance (0.25 in its judge)
 * @param confidenceLevel Kayenta's confidence level (0.98 in its judge); also sets the one-sided level
 *     (1 − confidence) / 2 of the rate and spread tests
 * @param minSamples ENHANCED: fewer samples than this on a side is NotEnoughData
 * @param spreadCheck ENHANCED: test gauges that passed for a wider canary spread
 * @param spreadMargin ENHANCED: the canary's spread must be significantly more than this many times the
 *     baseline's (default 1.25, Kayenta's tolerance applied to spread; 1.0 tests plain "wider")
 * @param minSpreadRatio ENHANCED: and its point estimate must be at least this many times the baseline's
 * @param rateDispersionGuard ENHANCED: scale counts down by their estimated overdispersion before the rate test
 * @param trendCheck ENHANCED: test gauges that passed for a canary drifting away from its baseline (slow leak),
 *     when the samples carry aligned per-interval series
 * @param minTrendDrift ENHANCED: the drift over the window must reach this share of the baseline's level
 */
public record JudgeSettings(JudgeMode mode, double tolerance, double confidenceLevel, int minSamples,
        boolean spreadCheck, double spreadMargin, double minSpreadRatio, boolean rateDispersionGuard,
        boolean trendCheck, double minTrendDrift)
        implements Serializable {

    /** Default minimum drift of the trend test: 5% of the baseline's level over the window. */
    public static final double DEFAULT_MIN_TREND_DRIFT = 0.05;

    /** Settings without the trend test (as before it existed). */
    public JudgeSettings(JudgeMode mode, double tolerance, double confidenceLevel, int minSamples,
            boolean spreadCheck, double spreadMargin, double minSpreadRatio, boolean rateDispersionGuard) {
        this(mode, tolerance, confidenceLevel, minSamples, spreadCheck, spreadMargin, minSpreadRatio,
                rateDispersionGuard, false, DEFAULT_MIN_TREND_DRIFT);
    }

    /** Default margin of the spread test: significantly more than 1.25× the baseline's spread. */
    public static final double DEFAULT_SPREAD_MARGIN = 1.25;
    /** Default minimum spread ratio: the canary's spread must be estimated at 1.5× the baseline's or more. */
    public static final double DEFAULT_MIN_SPREAD_RATIO = 1.5;

    public JudgeSettings {
        mode = mode == null ? JudgeMode.ENHANCED : mode;
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be >= 1");
        }
        if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0)) {
            throw new IllegalArgumentException("confidenceLevel must be in (0, 1): " + confidenceLevel);
        }
        if (!(spreadMargin >= 1.0)) {
            throw new IllegalArgumentException("spreadMargin must be >= 1: " + spreadMargin);
        }
    }

    /** Kayenta's judge: tolerance 0.25, confidence 0.98, nothing else. */
    public static JudgeSettings kayenta() {
        return new JudgeSettings(JudgeMode.KAYENTA, 0.25, 0.98, 1, false, DEFAULT_SPREAD_MARGIN,
                DEFAULT_MIN_SPREAD_RATIO, false);
    }

    /** Kayenta's judge plus rate test for counts, spread test for gauges, and at least 10 samples per side. */
    public static JudgeSettings enhanced() {
        return new JudgeSettings(JudgeMode.ENHANCED, 0.25, 0.98, MinimumSampleRule.DEFAULT_MIN_SAMPLES, true,
                DEFAULT_SPREAD_MARGIN, DEFAULT_MIN_SPREAD_RATIO, true, true, DEFAULT_MIN_TREND_DRIFT);
    }

    public JudgeSettings withMinSamples(int value) {
        return new JudgeSettings(mode, tolerance, confidenceLevel, value, spreadCheck, spreadMargin, minSpreadRatio,
                rateDispersionGuard, trendCheck, minTrendDrift);
    }

    public JudgeSettings withConfidenceLevel(double value) {
        return new JudgeSettings(mode, tolerance, value, minSamples, spreadCheck, spreadMargin, minSpreadRatio,
                rateDispersionGuard, trendCheck, minTrendDrift);
    }

    public JudgeSettings withTolerance(double value) {
        return new JudgeSettings(mode, value, confidenceLevel, minSamples, spreadCheck, spreadMargin, minSpreadRatio,
                rateDispersionGuard, trendCheck, minTrendDrift);
    }

    /** The spread test's margin and minimum ratio. */
    public JudgeSettings withSpread(double margin, double minRatio) {
        return new JudgeSettings(mode, tolerance, confidenceLevel, minSamples, spreadCheck, margin, minRatio,
                rateDispersionGuard, trendCheck, minTrendDrift);
    }

    public JudgeSettings withRateDispersionGuard(boolean value) {
        return new JudgeSettings(mode, tolerance, confidenceLevel, minSamples, spreadCheck, spreadMargin,
                minSpreadRatio, value, trendCheck, minTrendDrift);
    }

    /** Whether to run the trend test, and the drift it needs. */
    public JudgeSettings withTrend(boolean check, double minDrift) {
        return new JudgeSettings(mode, tolerance, confidenceLevel, minSamples, spreadCheck, spreadMargin,
                minSpreadRatio, rateDispersionGuard, check, minDrift);
    }
}

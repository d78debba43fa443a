package io.nightwatch.functions.canary;

/**
 * The numbers behind a Mann-Whitney classification of canary x against baseline y.
 *
 * @param u Mann-Whitney U of the canary (R's W)
 * @param pValue two-sided p-value, R's normal approximation with tie and continuity corrections
 * @param estimate Hodges-Lehmann shift canary − baseline (with continuity correction, as Kayenta)
 * @param ciLower lower end of the confidence interval of the shift
 * @param ciUpper upper end of the confidence interval of the shift
 * @param lowerBound −tolerance·|estimate|: the interval's upper end must fall below it for Low
 * @param upperBound +tolerance·|estimate|: the interval's lower end must exceed it for High
 * @param effectSize mean ratio or CLES (NaN: a mean was zero)
 * @param effectSizeMeasure which effect size
 * @param exactShift true when both samples were constant and the shift was taken exactly instead of solved
 */
public record MannWhitneyStatistics(double u, double pValue, double estimate, double ciLower, double ciUpper,
        double lowerBound, double upperBound, double effectSize, EffectSizeMeasure effectSizeMeasure,
        boolean exactShift) {}

package io.nightwatch.functions.canary;

/**
 * A classifier's verdict on one metric (Kayenta's MetricClassification) plus the Mann-Whitney statistics behind it.
 *
 * @param deviation the effect size (Kayenta's "deviation"); 1.0 where Kayenta reports no comparison
 * @param statistics null when no test ran (no data, identical samples)
 */
public record MetricClassification(Classification classification, String reason, double deviation,
        boolean critical, MannWhitneyStatistics statistics) {}

package io.nightwatch.schemas;

/**
 * One metric's classification within a {@link CanaryVerdict}: Kayenta's label (Pass, High, Low, Nodata,
 * NodataFailMetric, NotEnoughData, Error), the rule that decided it and the figures behind it. Figures that could
 * not be computed are null.
 */
public record CanaryMetricVerdict(
        String metric,
        String classification,
        boolean critical,
        String decidedBy,
        int canaryCount,
        int baselineCount,
        Double canaryMean,
        Double baselineMean,
        Double effectSize,
        Double pValue,
        String reason) {}

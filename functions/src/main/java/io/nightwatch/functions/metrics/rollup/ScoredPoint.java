package io.nightwatch.functions.metrics.rollup;

import java.util.Map;

/**
 * A point sent to the anomaly pattern: a trigger (its score reached the candidate threshold) or a point of the watch
 * that follows a trigger, marked {@code deviates} when it stays outside the range expected before the trigger.
 */
public record ScoredPoint(
        String series, String service, String instance, String metric, Map<String, String> labels, long ts, double value,
        double score, double expectedLow, double expectedHigh, double novelty, double likelihood, double regime,
        boolean breakout, boolean deviates) {}

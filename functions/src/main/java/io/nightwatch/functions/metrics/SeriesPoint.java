package io.nightwatch.functions.metrics;

import java.util.Map;

/** A validated metric point with its series id computed once, as it travels through the metrics job. */
public record SeriesPoint(
        String series, String service, String instance, String metric, Map<String, String> labels, long ts, double value) {}

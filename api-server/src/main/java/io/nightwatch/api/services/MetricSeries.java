package io.nightwatch.api.services;

import java.util.List;

/** A service-level series over a time range, as returned by {@code GET /api/services/{name}/metrics}. */
public record MetricSeries(String service, String metric, String resolution, List<RollupPoint> points) {}

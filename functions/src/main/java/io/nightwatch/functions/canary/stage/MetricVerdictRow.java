package io.nightwatch.functions.canary.stage;

import java.time.Instant;

/** One row of {@code canary_verdicts}: a metric's result at a release stage. */
public record MetricVerdictRow(String release, int stage, Instant judgedAt, MetricStatistics metric) {}

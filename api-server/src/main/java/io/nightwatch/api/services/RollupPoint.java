package io.nightwatch.api.services;

import java.time.Instant;

/** One rollup window of a service-level series, as the API returns it. */
public record RollupPoint(
        Instant windowStart, long count, double sum, double min, double max, double avg, Double p50, Double p90, Double p99) {}

package io.nightwatch.api.services;

import java.time.Instant;
import java.util.Map;

/** A service's latest complete window: every metric's figures at that window. */
public record LatestFigures(Instant windowStart, String resolution, Map<String, RollupPoint> metrics) {}

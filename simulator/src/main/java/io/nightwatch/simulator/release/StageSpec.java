package io.nightwatch.simulator.release;

/**
 * A stage given explicitly in a release request: either an instance count or a percentage of the fleet, and
 * optionally its own window and thresholds (null: the release's).
 */
public record StageSpec(Integer instances, Integer percent, Long analysisWindowSeconds, Double passThreshold,
        Double marginalThreshold) {}

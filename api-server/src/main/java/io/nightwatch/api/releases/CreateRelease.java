package io.nightwatch.api.releases;

import java.time.Instant;
import java.util.List;

/**
 * A request to release a version, in Nightwatch's terms (an adapter maps it onto its release system). Null fields
 * leave the choice to the release system (a generated gray strategy from the instance count and risk).
 *
 * @param risk low, medium or high
 * @param fault for simulated releases: the new version's fault, e.g. {@code latency} of size 50 (percent)
 */
public record CreateRelease(String id, String service, String version, String risk, Instant startAt,
        Long analysisWindowSeconds, Long bakeSeconds, Double passThreshold, Double marginalThreshold,
        List<Stage> stages, Fault fault, String reason) {

    /** A stage given explicitly: an instance count or a percentage, with optional window and thresholds. */
    public record Stage(Integer instances, Integer percent, Long analysisWindowSeconds, Double passThreshold,
            Double marginalThreshold) {}

    /** A simulated fault of the new version. */
    public record Fault(String kind, Double size) {}
}

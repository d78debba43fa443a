package io.nightwatch.schemas;

import java.time.Instant;
import java.util.List;

/**
 * A change in a release's life, written by the release system (topic {@code nw.releases}, key: release id).
 * Canary instances run {@code version}; baseline instances still run {@code fromVersion}; done instances
 * were promoted by earlier stages.
 */
public record ReleaseEvent(
        String eventId,
        String release,
        String service,
        String version,
        String fromVersion,
        int stage,
        int stageCount,
        ReleaseStatus status,
        List<String> canaryInstances,
        List<String> baselineInstances,
        List<String> doneInstances,
        long analysisWindowSeconds,
        double passThreshold,
        double marginalThreshold,
        String reason,
        Instant at) {

    public ReleaseEvent {
        canaryInstances = canaryInstances == null ? List.of() : canaryInstances;
        baselineInstances = baselineInstances == null ? List.of() : baselineInstances;
        doneInstances = doneInstances == null ? List.of() : doneInstances;
    }
}

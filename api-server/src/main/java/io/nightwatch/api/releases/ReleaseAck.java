package io.nightwatch.api.releases;

import java.util.List;

/**
 * The release system's answer to a request: the release as it now stands, with its planned stages (the history
 * reaches PostgreSQL through {@code nw.releases} a moment later).
 */
public record ReleaseAck(String id, String service, String version, String fromVersion, String state, int stage,
        int stageCount, String reason, List<PlannedStage> stages) {

    public ReleaseAck {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** One stage of the plan. */
    public record PlannedStage(int stage, int instances, int percent, long analysisWindowSeconds,
            double passThreshold, double marginalThreshold, boolean analyzed, String status) {}
}

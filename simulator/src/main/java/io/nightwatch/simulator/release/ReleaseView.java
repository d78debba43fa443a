package io.nightwatch.simulator.release;

import java.time.Instant;
import java.util.List;

/** A release as the release system's API shows it: what is released where, its state and every stage. */
public record ReleaseView(String id, String service, String version, String fromVersion, ReleaseState state,
        int stage, int stageCount, String risk, String fault, Instant startAt, Instant createdAt, Instant updatedAt,
        String reason, List<StageView> stages) {}

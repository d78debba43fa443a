package io.nightwatch.schemas;

import java.time.Instant;
import java.util.List;

/**
 * The release an incident's instances take part in, as the incidents job's enrichment saw it: whether it is still
 * active (a rollback is only possible then), its stage, and which instances run the new version ({@code canary} and
 * {@code done}) or the old one ({@code baseline}). {@code changedAt} is when the instances last changed version.
 */
public record ReleaseContext(
        String release,
        String version,
        String fromVersion,
        int stage,
        int stageCount,
        ReleaseStatus status,
        boolean active,
        List<String> canaryInstances,
        List<String> baselineInstances,
        List<String> doneInstances,
        Instant changedAt) {

    public ReleaseContext {
        canaryInstances = canaryInstances == null ? List.of() : canaryInstances;
        baselineInstances = baselineInstances == null ? List.of() : baselineInstances;
        doneInstances = doneInstances == null ? List.of() : doneInstances;
    }
}

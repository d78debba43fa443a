package io.nightwatch.functions.incidents.model;

import io.nightwatch.schemas.ReleaseContext;
import java.util.List;
import java.util.Map;

/**
 * One step of an incident on its way through priority, enrichment and convergence: what the group's notification
 * said (or, for a summary incident, what convergence collected), plus what enrichment ({@code release}, catalog
 * {@code team}/{@code tier}) and convergence ({@code convergence}, {@code convergedInto}) added. Fields a step does
 * not know are null.
 */
public record IncidentUpdate(
        String incidentId,
        NotificationKind kind,
        boolean repeat,
        boolean summary,
        String groupKey,
        String receiver,
        long at,
        long openedAt,
        int sequence,
        String service,
        String title,
        String severity,
        int priority,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        List<String> instances,
        List<String> firing,
        List<String> resolved,
        int mutedCount,
        String description,
        String convergenceKey,
        ReleaseContext release,
        String team,
        String tier,
        String convergence,
        String convergedInto) {

    public IncidentUpdate {
        groupLabels = groupLabels == null ? Map.of() : groupLabels;
        commonLabels = commonLabels == null ? Map.of() : commonLabels;
        instances = instances == null ? List.of() : instances;
        firing = firing == null ? List.of() : firing;
        resolved = resolved == null ? List.of() : resolved;
    }

    /** Whether this step opens the incident. */
    public boolean opens() {
        return kind == NotificationKind.OPENED;
    }

    /** Whether this step closes the incident. */
    public boolean closes() {
        return kind == NotificationKind.RESOLVED || kind == NotificationKind.CLOSED;
    }

    public IncidentUpdate withEnrichment(ReleaseContext newRelease, String newTeam, String newTier) {
        return new IncidentUpdate(incidentId, kind, repeat, summary, groupKey, receiver, at, openedAt, sequence, service,
                title, severity, priority, groupLabels, commonLabels, instances, firing, resolved, mutedCount, description,
                convergenceKey, newRelease, newTeam, newTier, convergence, convergedInto);
    }

    public IncidentUpdate withConvergence(String newConvergence, String newConvergedInto) {
        return new IncidentUpdate(incidentId, kind, repeat, summary, groupKey, receiver, at, openedAt, sequence, service,
                title, severity, priority, groupLabels, commonLabels, instances, firing, resolved, mutedCount, description,
                convergenceKey, release, team, tier, newConvergence, newConvergedInto);
    }

    /** The same incident at a later step (a decision taken at {@code newAt}, e.g. an approval). */
    public IncidentUpdate at(long newAt, NotificationKind newKind) {
        return new IncidentUpdate(incidentId, newKind, false, summary, groupKey, receiver, newAt, openedAt, sequence,
                service, title, severity, priority, groupLabels, commonLabels, instances, firing, resolved, mutedCount,
                description, convergenceKey, release, team, tier, convergence, convergedInto);
    }
}

package io.nightwatch.functions.incidents.model;

/**
 * Combines two rows of one incident written in the same batch into the row the database would hold after both
 * upserts (the same rules as the {@code incidents} upsert): the headline of the newer notification wins, other
 * fields keep the last value a step gave, the first opening time and the last update time are kept.
 */
public final class IncidentRows {

    private IncidentRows() {}

    /** What {@code earlier} then {@code later} leave in the table. */
    public static IncidentRow merge(IncidentRow earlier, IncidentRow later) {
        IncidentRow a = earlier;
        IncidentRow b = later;
        boolean fresh = b.lastNotifiedAt() != null && (a.lastNotifiedAt() == null || b.lastNotifiedAt() >= a.lastNotifiedAt());
        return new IncidentRow(
                a.id(),
                a.kind() != null ? a.kind() : b.kind(),
                fresh ? coalesce(b.service(), a.service()) : a.service(),
                fresh ? b.title() : coalesce(a.title(), b.title()),
                fresh ? coalesce(b.severity(), a.severity()) : a.severity(),
                fresh ? coalesce(b.priority(), a.priority()) : a.priority(),
                fresh ? b.status() : a.status(),
                coalesce(a.groupKey(), b.groupKey()),
                coalesce(b.route(), a.route()),
                coalesce(b.releaseId(), a.releaseId()),
                fresh ? b.alertCount() : a.alertCount(),
                fresh ? b.firingCount() : a.firingCount(),
                fresh ? b.labels() : a.labels(),
                fresh && b.instances() != null && !b.instances().isEmpty() ? b.instances() : a.instances(),
                fresh ? coalesce(b.summary(), a.summary()) : a.summary(),
                coalesce(b.convergence(), a.convergence()),
                coalesce(b.convergedInto(), a.convergedInto()),
                coalesce(b.convergenceKey(), a.convergenceKey()),
                fresh ? b.notificationCount() : a.notificationCount(),
                Math.min(a.openedAt(), b.openedAt()),
                Math.max(a.updatedAt(), b.updatedAt()),
                fresh ? b.resolvedAt() : a.resolvedAt(),
                fresh ? b.lastNotifiedAt() : a.lastNotifiedAt());
    }

    private static <T> T coalesce(T first, T second) {
        return first != null ? first : second;
    }
}

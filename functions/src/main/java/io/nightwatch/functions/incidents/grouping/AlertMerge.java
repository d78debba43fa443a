package io.nightwatch.functions.incidents.grouping;

import io.nightwatch.functions.incidents.model.AlertInstance;

/**
 * How a new version of an alert combines with the stored one, exactly as Alertmanager's alert store does: when the
 * two activity ranges overlap, the younger version wins but keeps the earliest start, and an explicit end outlives
 * a timeout end; otherwise the new version replaces the old.
 */
public final class AlertMerge {

    private AlertMerge() {}

    /** The version to store when {@code incoming} arrives and {@code stored} (may be null) is held. */
    public static AlertInstance put(AlertInstance stored, AlertInstance incoming) {
        if (stored == null) {
            return incoming;
        }
        boolean overlaps = (after(incoming.endsAt(), stored.startsAt()) && before(incoming.endsAt(), stored.endsAt()))
                || (incoming.startsAt() > stored.startsAt() && before(incoming.startsAt(), stored.endsAt()));
        return overlaps ? merge(stored, incoming, incoming.receivedAt()) : incoming;
    }

    /** Alertmanager's {@code Alert.Merge}: {@code now} decides which versions count as resolved. */
    static AlertInstance merge(AlertInstance a, AlertInstance o, long now) {
        if (o.receivedAt() < a.receivedAt()) {
            return merge(o, a, now);
        }
        long startsAt = Math.min(a.startsAt(), o.startsAt());
        long endsAt = o.endsAt();
        if (o.resolvedAt(now)) {
            if (a.resolvedAt(now) && a.endsAt() > o.endsAt()) {
                endsAt = a.endsAt();
            }
        } else if (a.endsAt() > o.endsAt() && !a.timeout()) {
            endsAt = a.endsAt();
        }
        return startsAt == o.startsAt() && endsAt == o.endsAt() ? o : o.withTimes(startsAt, endsAt);
    }

    // Go's zero time (no end) compares as the earliest instant.
    private static boolean after(long t, long u) {
        return t > u;
    }

    private static boolean before(long t, long u) {
        return t < u;
    }
}

package io.nightwatch.functions.incidents.model;

import java.util.List;
import java.util.Map;

/**
 * One notification of an aggregation group, as Alertmanager would send it to the receiver: the firing and resolved
 * alerts (muted ones are left out and listed in {@code muted} with the reason), when ({@code at}, event time), and
 * what it means for the group's incident.
 */
public record Notification(
        String incidentId,
        NotificationKind kind,
        boolean repeat,
        String groupKey,
        int routeIndex,
        String receiver,
        Map<String, String> groupLabels,
        long at,
        long openedAt,
        int sequence,
        List<AlertInstance> firing,
        List<AlertInstance> resolved,
        Map<String, String> muted,
        List<String> newlyNotified) {

    public Notification {
        firing = List.copyOf(firing);
        resolved = List.copyOf(resolved);
        muted = Map.copyOf(muted);
        newlyNotified = List.copyOf(newlyNotified);
    }
}

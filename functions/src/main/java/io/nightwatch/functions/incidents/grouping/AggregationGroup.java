package io.nightwatch.functions.incidents.grouping;

import io.nightwatch.functions.incidents.config.Route;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.MuteReason;
import io.nightwatch.functions.incidents.model.Notification;
import io.nightwatch.functions.incidents.model.NotificationKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Alertmanager's aggregation group in event time: alerts are inserted into a group; the group first flushes
 * {@code group_wait} after its first alert (at once if an alert started more than {@code group_wait} before it
 * arrived), then every {@code group_interval}. A flush leaves out muted alerts, asks the notification log
 * ({@link DedupRule}) whether to notify, then deletes the alerts that were resolved. The first notification with
 * firing alerts opens the group's incident; the all-resolved notification closes it.
 */
public final class AggregationGroup {

    private AggregationGroup() {}

    /** A new, empty group created by an alert ingested at {@code at}. */
    public static GroupState create(Route route, String groupKey, Map<String, String> groupLabels, long at) {
        GroupState g = new GroupState();
        g.routeIndex = route.index();
        g.groupKey = groupKey;
        g.groupLabels = new HashMap<>(groupLabels);
        g.createdAt = at;
        g.nextFlushAt = at + route.groupWait().toMillis();
        return g;
    }

    /** Inserts an alert version; returns when the group must flush next (possibly earlier than before). */
    public static long insert(GroupState g, AlertInstance alert, Route route) {
        g.alerts.computeIfAbsent(alert.fingerprint(), fp -> new AlertSlot()).put(alert);
        if (!g.hasFlushed) {
            long groupWait = route.groupWait().toMillis();
            if (alert.receivedAt() < g.createdAt) {
                g.createdAt = alert.receivedAt();
                g.nextFlushAt = Math.min(g.nextFlushAt, g.createdAt + groupWait);
            }
            if (alert.startsAt() + groupWait < alert.receivedAt()) {
                g.nextFlushAt = Math.min(g.nextFlushAt, alert.receivedAt());
            }
        }
        return g.nextFlushAt;
    }

    /** Flushes the group at event time {@code at}. */
    public static FlushResult flush(GroupState g, long at, Route route, Muter muter) {
        List<AlertInstance> firing = new ArrayList<>();
        List<AlertInstance> resolved = new ArrayList<>();
        Map<String, String> muted = new TreeMap<>();
        List<Object[]> used = new ArrayList<>(g.alerts.size());
        for (Map.Entry<String, AlertSlot> e : g.alerts.entrySet()) {
            AlertInstance v = e.getValue().versionAt(at);
            if (v == null) {
                continue; // every version arrived after this flush, in event time
            }
            used.add(new Object[] {e.getKey(), e.getValue(), v});
            MuteReason reason = muter.reasonAt(v, at);
            if (reason != null) {
                muted.put(e.getKey(), reason.toString());
            } else if (v.resolvedAt(at)) {
                resolved.add(v);
            } else {
                firing.add(v);
            }
        }

        Notification notification = null;
        if (!firing.isEmpty() || !resolved.isEmpty()) { // Alertmanager's pipeline stops when everything is muted
            Set<String> firingSet = fingerprints(firing);
            Set<String> resolvedSet = fingerprints(resolved);
            DedupRule.Decision decision = DedupRule.decide(g.hasEntry, g.lastFiring, g.lastResolved, g.lastNotifiedAt,
                    firingSet, resolvedSet, route.repeatInterval().toMillis(), at);
            if (decision != DedupRule.Decision.SKIP) {
                notification = notify(g, at, route, firing, resolved, muted, decision == DedupRule.Decision.REPEAT);
                g.hasEntry = true;
                g.lastFiring = new ArrayList<>(firingSet);
                g.lastResolved = new ArrayList<>(resolvedSet);
                g.lastNotifiedAt = at;
            }
        }

        for (Object[] u : used) {
            AlertSlot slot = (AlertSlot) u[1];
            AlertInstance v = (AlertInstance) u[2];
            slot.prune(v, v.resolvedAt(at));
            if (slot.isEmpty()) {
                g.alerts.remove((String) u[0]);
            }
        }
        g.hasFlushed = true;
        g.nextFlushAt = at + route.groupInterval().toMillis();

        boolean empty = g.alerts.isEmpty();
        Notification closing = null;
        if (empty && g.incidentId != null) {
            g.sequence++;
            closing = new Notification(g.incidentId, NotificationKind.CLOSED, false, g.groupKey, g.routeIndex,
                    route.receiver(), g.groupLabels, at, g.incidentOpenedAt, g.sequence, List.of(), List.of(), muted, List.of());
            g.incidentId = null;
        }
        return new FlushResult(notification, closing, g.nextFlushAt, empty, muted.size());
    }

    private static Notification notify(GroupState g, long at, Route route, List<AlertInstance> firing,
            List<AlertInstance> resolved, Map<String, String> muted, boolean repeat) {
        NotificationKind kind;
        if (firing.isEmpty()) {
            kind = NotificationKind.RESOLVED;
            if (g.incidentId == null) { // cannot happen unless the configuration changed under the state
                g.incidentId = IncidentIds.incident(g.groupKey, at);
                g.incidentOpenedAt = at;
                g.sequence = 0;
            }
        } else if (g.incidentId == null) {
            kind = NotificationKind.OPENED;
            g.incidentId = IncidentIds.incident(g.groupKey, at);
            g.incidentOpenedAt = at;
            g.sequence = 0;
        } else {
            kind = NotificationKind.NOTIFIED;
        }
        g.sequence++;
        List<String> newly = new ArrayList<>();
        for (List<AlertInstance> list : List.of(firing, resolved)) {
            for (AlertInstance a : list) {
                AlertSlot slot = g.alerts.get(a.fingerprint());
                if (kind == NotificationKind.OPENED || !slot.announced) {
                    newly.add(a.fingerprint());
                    slot.announced = true;
                }
            }
        }
        Notification n = new Notification(g.incidentId, kind, repeat, g.groupKey, g.routeIndex, route.receiver(),
                g.groupLabels, at, g.incidentOpenedAt, g.sequence, firing, resolved, muted, newly);
        if (kind == NotificationKind.RESOLVED) {
            g.incidentId = null;
        }
        return n;
    }

    private static Set<String> fingerprints(List<AlertInstance> alerts) {
        Set<String> out = new HashSet<>(alerts.size() * 2);
        for (AlertInstance a : alerts) {
            out.add(a.fingerprint());
        }
        return out;
    }

    /**
     * The first flush tick (on the group's {@code group_interval} grid after {@code at}) at which anything can change
     * without new input: an alert reaching its end, or a version already received for later. Used at the end of a
     * bounded input, when event time jumps to the end of time: the group fast-forwards to its resolution instead of
     * ticking through every interval (so repeat notifications of that imagined future are not sent).
     * {@code Long.MAX_VALUE} when nothing will change.
     */
    public static long nextChangeTick(GroupState g, long at, Route route) {
        long change = Long.MAX_VALUE;
        for (AlertSlot slot : g.alerts.values()) {
            for (AlertInstance v : slot.versions) {
                if (v.receivedAt() > at) {
                    change = Math.min(change, v.receivedAt());
                } else if (!v.resolvedAt(at) && v.endsAt() != 0) {
                    change = Math.min(change, v.endsAt());
                }
            }
        }
        if (change == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long interval = route.groupInterval().toMillis();
        long steps = Math.max(1, (change - at + interval - 1) / interval);
        return steps > (Long.MAX_VALUE - at) / interval ? Long.MAX_VALUE - 1 : at + steps * interval;
    }

    /** Whether any alert of the group is held (used by tests and the operator's cleanup). */
    public static boolean isEmpty(GroupState g) {
        for (Iterator<AlertSlot> it = g.alerts.values().iterator(); it.hasNext(); ) {
            if (!it.next().isEmpty()) {
                return false;
            }
        }
        return true;
    }
}

package io.nightwatch.functions.incidents.grouping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyed state of one aggregation group (Flink POJO): its alerts, its timer, its notification-log entry (what the
 * last notification said) and its open incident, if any.
 */
public class GroupState {

    public int routeIndex;
    public String groupKey;
    public Map<String, String> groupLabels = new HashMap<>();
    /** Ingest time of the group's first alert. */
    public long createdAt;
    /** When the group flushes next (event time). */
    public long nextFlushAt;
    public boolean hasFlushed;
    /** Alerts by fingerprint. */
    public Map<String, AlertSlot> alerts = new HashMap<>();

    /** Whether a notification was sent (the notification log has an entry). */
    public boolean hasEntry;
    public List<String> lastFiring = new ArrayList<>();
    public List<String> lastResolved = new ArrayList<>();
    public long lastNotifiedAt;

    /** The open incident (null when none). */
    public String incidentId;
    public long incidentOpenedAt;
    /** Notifications sent for the open incident. */
    public int sequence;
    /** The open incident's convergence key, fixed when it opened. */
    public String convergenceKey;

    public GroupState() {}
}

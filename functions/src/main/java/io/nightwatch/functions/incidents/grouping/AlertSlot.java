package io.nightwatch.functions.incidents.grouping;

import io.nightwatch.functions.incidents.model.AlertInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions of one alert in a group, ordered by ingest time. A flush at time T uses the newest version ingested
 * at or before T, so a version that arrived (in event time) after T cannot change that flush even if the operator
 * saw it first. Usually there is one version.
 */
public class AlertSlot {

    /** Versions by ingest time, oldest first. */
    public List<AlertInstance> versions = new ArrayList<>(1);
    /** Whether the alert's labels already went out in an incident event (labels are logged once). */
    public boolean announced;

    public AlertSlot() {}

    /** Stores a new version, merged with the newest one held (Alertmanager's store semantics). */
    public void put(AlertInstance incoming) {
        AlertInstance latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        AlertInstance merged = AlertMerge.put(latest, incoming);
        int i = versions.size();
        while (i > 0 && versions.get(i - 1).receivedAt() > merged.receivedAt()) {
            i--;
        }
        versions.add(i, merged);
    }

    /** The newest version ingested at or before {@code t}, or null if every version is newer. */
    public AlertInstance versionAt(long t) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).receivedAt() <= t) {
                return versions.get(i);
            }
        }
        return null;
    }

    /** Drops the versions older than {@code used}, and {@code used} itself when {@code dropUsed}. */
    void prune(AlertInstance used, boolean dropUsed) {
        int idx = versions.indexOf(used);
        if (idx < 0) {
            return;
        }
        versions.subList(0, dropUsed ? idx + 1 : idx).clear();
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }
}

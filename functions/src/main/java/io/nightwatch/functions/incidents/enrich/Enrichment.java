package io.nightwatch.functions.incidents.enrich;

import io.nightwatch.functions.incidents.lifecycle.IncidentEvents;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.ReleaseContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** The {@code ENRICHED} event of an incident: its release (is it active, which stage, each instance's role) and owner. */
public final class Enrichment {

    private Enrichment() {}

    /** The event, or null when there is nothing to add. */
    public static IncidentEvent event(IncidentUpdate u) {
        ReleaseContext r = u.release();
        if (r == null && u.team() == null && u.tier() == null) {
            return null;
        }
        Map<String, String> a = new LinkedHashMap<>();
        if (r != null) {
            a.put("release", r.release());
            a.put("version", r.version());
            if (r.fromVersion() != null) {
                a.put("fromVersion", r.fromVersion());
            }
            a.put("stage", r.stage() + "/" + r.stageCount());
            a.put("releaseStatus", r.status() == null ? "unknown" : r.status().name());
            a.put("activeRelease", Boolean.toString(r.active()));
            TreeSet<String> canary = new TreeSet<>();
            TreeSet<String> baseline = new TreeSet<>();
            TreeSet<String> done = new TreeSet<>();
            for (String i : u.instances()) {
                if (r.canaryInstances().contains(i)) {
                    canary.add(i);
                } else if (r.baselineInstances().contains(i)) {
                    baseline.add(i);
                } else if (r.doneInstances().contains(i)) {
                    done.add(i);
                }
            }
            if (!canary.isEmpty()) {
                a.put("canaryInstances", String.join(",", canary));
            }
            if (!baseline.isEmpty()) {
                a.put("baselineInstances", String.join(",", baseline));
            }
            if (!done.isEmpty()) {
                a.put("promotedInstances", String.join(",", done));
            }
        } else {
            a.put("release", "none");
        }
        if (u.team() != null) {
            a.put("team", u.team());
        }
        if (u.tier() != null) {
            a.put("tier", u.tier());
        }
        return IncidentEvents.of(u, IncidentEventType.ENRICHED, u.at(), a, null);
    }
}

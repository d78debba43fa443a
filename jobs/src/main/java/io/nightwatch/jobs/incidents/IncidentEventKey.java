package io.nightwatch.jobs.incidents;

import io.nightwatch.jobs.io.RecordKey;
import io.nightwatch.schemas.IncidentEvent;

/** Incident events are keyed by incident id on {@code nw.incidents}, so one incident's events stay in order. */
public final class IncidentEventKey implements RecordKey<IncidentEvent> {
    @Override
    public String of(IncidentEvent e) {
        return e.incidentId();
    }
}

package io.nightwatch.functions.incidents.lifecycle;

import io.nightwatch.functions.incidents.grouping.IncidentIds;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds event-log entries for an incident's steps after grouping (enrichment, convergence, approval). */
public final class IncidentEvents {

    private IncidentEvents() {}

    /** An event of {@code type} at {@code at} on the incident of {@code u}. */
    public static IncidentEvent of(IncidentUpdate u, IncidentEventType type, long at, Map<String, String> attributes,
            String detail) {
        List<String> fps = new ArrayList<>(u.firing());
        fps.addAll(u.resolved());
        return new IncidentEvent(IncidentIds.event(u.incidentId(), type.name(), at, null), u.incidentId(), type,
                Instant.ofEpochMilli(at), u.service(), u.title(), u.severity(), u.groupKey(), fps, attributes, detail);
    }
}

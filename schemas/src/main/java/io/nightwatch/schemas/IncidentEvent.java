package io.nightwatch.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One step of an incident's life (topic {@code nw.incidents}, key: incident id; table {@code incident_events}).
 * {@code eventId} is unique and stable across replays, so writing an event twice stores it once.
 * {@code detail} carries the step's structured payload as a JSON document (an analyzer step, a guard verdict…).
 */
public record IncidentEvent(
        String eventId,
        String incidentId,
        IncidentEventType type,
        Instant at,
        String service,
        String title,
        String severity,
        String groupKey,
        List<String> alertFingerprints,
        Map<String, String> attributes,
        String detail) {

    public IncidentEvent {
        alertFingerprints = alertFingerprints == null ? List.of() : alertFingerprints;
        attributes = attributes == null ? Map.of() : attributes;
    }
}

package io.nightwatch.api.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One entry of an incident's event log; {@code detail} is the step's structured payload (JSON) or null. */
public record EventView(String eventId, String type, Instant at, String title, String severity,
        List<String> alertFingerprints, Map<String, String> attributes, JsonNode detail) {}

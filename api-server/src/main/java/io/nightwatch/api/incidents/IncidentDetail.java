package io.nightwatch.api.incidents;

import java.util.List;

/** One incident with the incidents a summary collected (empty for a group incident). */
public record IncidentDetail(IncidentView incident, List<IncidentView> members) {}

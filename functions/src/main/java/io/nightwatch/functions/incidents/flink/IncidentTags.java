package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.MuteSignal;
import io.nightwatch.schemas.IncidentEvent;
import org.apache.flink.util.OutputTag;

/** The side outputs of the incidents job's operators. */
public final class IncidentTags {

    /** Event-log entries, from every step. */
    public static final OutputTag<IncidentEvent> EVENTS = new OutputTag<>("incident-events") {};
    /** Alerts matching an inhibition rule's source side, broadcast to the grouping operators. */
    public static final OutputTag<MuteSignal> INHIBITION_SOURCES = new OutputTag<>("inhibition-sources") {};
    /** Incidents held for approval by a {@code defense} rule (and their later closing). */
    public static final OutputTag<IncidentUpdate> HELD = new OutputTag<>("held-for-approval") {};
    /** Incidents whose analysis is requested: where the analyzer's Async I/O step attaches. */
    public static final OutputTag<IncidentUpdate> ANALYSIS_REQUESTS = new OutputTag<>("analysis-requests") {};

    private IncidentTags() {}
}

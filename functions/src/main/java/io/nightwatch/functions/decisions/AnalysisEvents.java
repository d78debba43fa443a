package io.nightwatch.functions.decisions;

import io.nightwatch.functions.analysis.AnalyzedIncident;
import io.nightwatch.functions.incidents.grouping.IncidentIds;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.AnalysisStep;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.analysis.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The event-log entries of one analysis: one {@code ANALYZER_STEP} per step the analyzer (or the job's fallback) took,
 * with the step as detail; {@code ANALYZER_FALLBACK} when the builtin rules decided instead of the analyzer's provider
 * (and who fell back: the job or the analyzer); {@code ANALYZED} with the whole result as detail (what the analyzer's
 * {@code recent_incidents} tool reads back). Event ids come from the request (incident and request time) and the step
 * index, never from the wall clock, so a replay rewrites the same ids. Pure.
 */
public final class AnalysisEvents {

    private AnalysisEvents() {}

    public static List<IncidentEvent> of(AnalyzedIncident analyzed) {
        AnalysisRequest q = analyzed.request();
        AnalysisResult r = analyzed.result();
        long requestAt = requestAt(q);
        List<String> fingerprints = fingerprints(q);
        List<IncidentEvent> events = new ArrayList<>(r.steps().size() + 2);
        for (AnalysisStep step : r.steps()) {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("index", Integer.toString(step.index()));
            a.put("kind", step.kind() == null ? "?" : step.kind().name());
            a.put("name", step.name() == null ? "" : step.name());
            a.put("ok", Boolean.toString(step.ok()));
            a.put("durationMs", Long.toString(step.durationMs()));
            events.add(event(q, IncidentEventType.ANALYZER_STEP, requestAt, String.format(Locale.ROOT, "%03d", step.index()),
                    step.at() != null ? step.at() : r.startedAt(), fingerprints, a, Json.toString(step)));
        }
        Instant finished = r.finishedAt() != null ? r.finishedAt() : Instant.ofEpochMilli(requestAt);
        if (r.fallback()) {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("by", analyzed.decidedInJob() ? "job" : "analyzer");
            a.put("reason", Text.cut(String.valueOf(r.fallbackReason()), 400));
            a.put("provider", String.valueOf(r.provider()));
            events.add(event(q, IncidentEventType.ANALYZER_FALLBACK, requestAt, null, finished, fingerprints, a, null));
        }
        Map<String, String> a = new LinkedHashMap<>();
        a.put("provider", String.valueOf(r.provider()));
        if (r.decision() != null) {
            a.put("action", String.valueOf(r.decision().action()));
            if (r.decision().target() != null) {
                a.put("target", r.decision().target());
            }
        }
        a.put("confidence", Text.num(r.confidence()));
        a.put("fallback", Boolean.toString(r.fallback()));
        a.put("steps", Integer.toString(r.steps().size()));
        a.put("durationMs", Long.toString(r.durationMs()));
        a.put("requestId", String.valueOf(q.requestId()));
        events.add(event(q, IncidentEventType.ANALYZED, requestAt, null, finished, fingerprints, a, Json.toString(r)));
        return events;
    }

    /** When the analysis was requested (epoch ms): the base of every event id of the analysis and its decision. */
    static long requestAt(AnalysisRequest q) {
        return q.requestedAt() != null ? q.requestedAt().toEpochMilli() : 0L;
    }

    static List<String> fingerprints(AnalysisRequest q) {
        TreeSet<String> fps = new TreeSet<>();
        for (Alert alert : q.alerts()) {
            if (alert != null && alert.fingerprint() != null) {
                fps.add(alert.fingerprint());
            }
        }
        return List.copyOf(fps);
    }

    static IncidentEvent event(AnalysisRequest q, IncidentEventType type, long requestAt, String qualifier, Instant at,
            List<String> fingerprints, Map<String, String> attributes, String detail) {
        return new IncidentEvent(IncidentIds.event(q.incidentId(), type.name(), requestAt, qualifier), q.incidentId(), type,
                at, q.service(), q.title(), q.severity(), null, fingerprints, attributes, detail);
    }
}

package io.nightwatch.analyzer.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.Anomaly;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.ReleaseContext;
import io.nightwatch.schemas.analysis.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incident as the model sees it: one JSON document of data, with every string JSON-escaped, {@code < > &} and
 * every non-ASCII character written as {@code \\uXXXX} (so no text can close the data block or hide behind lookalike
 * or bidi characters), free text cut to {@value #MAX_TEXT} characters and at most {@value #MAX_ITEMS} alerts and
 * anomalies.
 */
public final class PromptData {

    public static final int MAX_TEXT = 500;
    public static final int MAX_ITEMS = 50;

    private static final ObjectMapper MAPPER = dataMapper();

    private PromptData() {}

    /** The data document for a request. */
    public static String of(AnalysisRequest r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("id", r.incidentId());
        incident.put("service", r.service());
        incident.put("title", cut(r.title()));
        incident.put("severity", r.severity());
        incident.put("windowStart", String.valueOf(r.windowStart()));
        incident.put("windowEnd", String.valueOf(r.windowEnd()));
        incident.put("instances", r.instances());
        doc.put("incident", incident);
        doc.put("release", release(r.release()));
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Alert a : r.alerts().subList(0, Math.min(MAX_ITEMS, r.alerts().size()))) {
            alerts.add(alert(a));
        }
        doc.put("alerts", alerts);
        if (r.alerts().size() > MAX_ITEMS) {
            doc.put("alertsOmitted", r.alerts().size() - MAX_ITEMS);
        }
        List<Map<String, Object>> anomalies = new ArrayList<>();
        for (Anomaly a : r.anomalies().subList(0, Math.min(MAX_ITEMS, r.anomalies().size()))) {
            anomalies.add(anomaly(a));
        }
        doc.put("anomalies", anomalies);
        if (r.anomalies().size() > MAX_ITEMS) {
            doc.put("anomaliesOmitted", r.anomalies().size() - MAX_ITEMS);
        }
        return write(doc);
    }

    /** Any value written the same safe way (tool results use it too). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write prompt data", e);
        }
    }

    private static Map<String, Object> release(ReleaseContext rel) {
        if (rel == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("release", rel.release());
        m.put("version", rel.version());
        m.put("fromVersion", rel.fromVersion());
        m.put("stage", rel.stage());
        m.put("stageCount", rel.stageCount());
        m.put("status", rel.status() == null ? null : rel.status().name());
        m.put("active", rel.active());
        m.put("canaryInstances", rel.canaryInstances());
        m.put("baselineInstances", rel.baselineInstances());
        m.put("doneInstances", rel.doneInstances());
        m.put("changedAt", rel.changedAt() == null ? null : rel.changedAt().toString());
        return m;
    }

    private static Map<String, Object> alert(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", a.fingerprint());
        m.put("name", cut(a.name()));
        m.put("severity", cut(a.severity()));
        m.put("status", a.status() == null ? "firing" : a.status().name().toLowerCase());
        m.put("startsAt", a.startsAt() == null ? null : a.startsAt().toString());
        m.put("endsAt", a.endsAt() == null ? null : a.endsAt().toString());
        m.put("labels", cutValues(a.labels()));
        m.put("annotations", cutValues(a.annotations()));
        return m;
    }

    private static Map<String, Object> anomaly(Anomaly a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", cut(a.series()));
        m.put("instance", a.instance());
        m.put("metric", cut(a.metric()));
        m.put("windowStart", a.windowStart() == null ? null : a.windowStart().toString());
        m.put("windowEnd", a.windowEnd() == null ? null : a.windowEnd().toString());
        m.put("score", a.score());
        m.put("threshold", a.threshold());
        m.put("detector", cut(a.detector()));
        if (a.evidence() != null) {
            m.put("recentValues", a.evidence().values().subList(0, Math.min(20, a.evidence().values().size())));
            m.put("expectedLow", a.evidence().expectedLow());
            m.put("expectedHigh", a.evidence().expectedHigh());
        }
        return m;
    }

    private static Map<String, String> cutValues(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(cut(k), cut(v)));
        return out;
    }

    private static String cut(String value) {
        return Text.cut(value, MAX_TEXT);
    }

    private static ObjectMapper dataMapper() {
        ObjectMapper mapper = Json.newMapper();
        mapper.getFactory().configure(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);
        mapper.getFactory().setCharacterEscapes(new DataEscapes());
        return mapper;
    }

    /** Escapes {@code < > &} as {@code \\u003C} etc., on top of JSON's standard escapes. */
    private static final class DataEscapes extends CharacterEscapes {
        private final int[] ascii;

        DataEscapes() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            ascii['<'] = CharacterEscapes.ESCAPE_STANDARD;
            ascii['>'] = CharacterEscapes.ESCAPE_STANDARD;
            ascii['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}

package io.nightwatch.functions.incidents.intake;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.functions.incidents.model.AlertInstance;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a standard {@code Alert} record from {@code nw.alerts} into an {@link AlertInstance}, with Alertmanager's
 * rules: labels with empty values are dropped, at least one label must remain and every name must be a valid
 * label name; a missing start is the end (or the ingest time); a missing end is the ingest time plus
 * {@code resolve_timeout} (a timeout end); {@code status: resolved} without an end ends at the ingest time; an end
 * before the start is refused. The fingerprint is recomputed from the labels.
 */
public final class AlertRecordParser {

    static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final AlertLimits limits;
    private final long resolveTimeoutMs;

    public AlertRecordParser(AlertLimits limits, Duration resolveTimeout) {
        this.limits = limits;
        this.resolveTimeoutMs = resolveTimeout.toMillis();
    }

    /** Parses one record ingested at {@code receivedAt} (epoch ms), with Jackson's streaming parser (the hot path). */
    public AlertInstance parse(byte[] value, long receivedAt) throws BadRecordException {
        if (value == null || value.length == 0) {
            throw new BadRecordException("empty record");
        }
        if (value.length > limits.maxBytes()) {
            throw new BadRecordException("record of " + value.length + " bytes is over the limit of " + limits.maxBytes());
        }
        Map<String, String> rawLabels = null;
        Map<String, String> rawAnnotations = Map.of();
        String source = null;
        String status = null;
        String starts = null;
        String ends = null;
        String url = null;
        try (JsonParser p = Json.mapper().getFactory().createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRecordException("not an alert: expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "labels" -> rawLabels = stringMap(p, t, field);
                    case "annotations" -> rawAnnotations = stringMap(p, t, field);
                    case "source" -> source = text(p, t, field);
                    case "status" -> status = text(p, t, field);
                    case "startsAt" -> starts = text(p, t, field);
                    case "endsAt" -> ends = text(p, t, field);
                    case "generatorUrl" -> url = text(p, t, field);
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new BadRecordException("malformed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadRecordException("unreadable record: " + e.getMessage());
        }
        if (rawLabels == null) {
            throw new BadRecordException("at least one label pair required");
        }
        boolean resolved;
        if (status == null || status.equals("firing")) {
            resolved = false;
        } else if (status.equals("resolved")) {
            resolved = true;
        } else {
            throw new BadRecordException("field 'status': expected firing or resolved, got '" + status + "'");
        }
        Map<String, String> labels = labels(rawLabels);
        Map<String, String> annotations = annotations(rawAnnotations);
        long endsAt = ends == null ? 0 : Times.epochMillis(ends, "endsAt");
        boolean timeout = false;
        if (endsAt == 0 && resolved) {
            endsAt = receivedAt;
        }
        long startsAt;
        if (starts != null) {
            startsAt = Times.epochMillis(starts, "startsAt");
        } else {
            startsAt = endsAt != 0 ? endsAt : receivedAt;
        }
        if (endsAt == 0) {
            endsAt = receivedAt + resolveTimeoutMs;
            timeout = true;
        } else if (endsAt < startsAt) {
            throw new BadRecordException("endsAt " + ends + " is before startsAt " + starts);
        }
        return new AlertInstance(Fingerprints.of(labels), labels, annotations, startsAt, endsAt, timeout, receivedAt,
                source == null || source.isBlank() ? "unknown" : source, url);
    }

    private static Map<String, String> stringMap(JsonParser p, JsonToken t, String field) throws IOException, BadRecordException {
        if (t == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (t != JsonToken.START_OBJECT) {
            throw new BadRecordException("field '" + field + "': expected an object of name to string value");
        }
        Map<String, String> out = new HashMap<>(16);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_STRING) {
                out.put(name, p.getText());
            } else if (v != JsonToken.VALUE_NULL) {
                throw new BadRecordException("field '" + field + "." + name + "': expected a string");
            }
        }
        return out;
    }

    private static String text(JsonParser p, JsonToken t, String field) throws IOException, BadRecordException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new BadRecordException("field '" + field + "': expected a string");
        }
        return p.getText();
    }

    /** Validated labels: empty values dropped, at least one left, valid names, within the limits. */
    Map<String, String> labels(Map<String, String> raw) throws BadRecordException {
        Map<String, String> labels = new HashMap<>(raw.size() * 2);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String name = e.getKey();
            String v = e.getValue();
            if (v == null || v.isEmpty()) {
                continue;
            }
            if (!validName(name)) {
                throw new BadRecordException("invalid label name '" + name + "'");
            }
            if (v.length() > limits.maxLabelValueLength()) {
                throw new BadRecordException("label '" + name + "' is longer than " + limits.maxLabelValueLength() + " characters");
            }
            labels.put(name, v);
        }
        if (labels.isEmpty()) {
            throw new BadRecordException("at least one label pair required");
        }
        if (labels.size() > limits.maxLabels()) {
            throw new BadRecordException("more than " + limits.maxLabels() + " labels");
        }
        return labels;
    }

    private Map<String, String> annotations(Map<String, String> raw) throws BadRecordException {
        if (raw.size() > limits.maxAnnotations()) {
            throw new BadRecordException("more than " + limits.maxAnnotations() + " annotations");
        }
        Map<String, String> out = new HashMap<>(raw.size() * 2);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (!validName(e.getKey())) {
                throw new BadRecordException("invalid annotation name '" + e.getKey() + "'");
            }
            String v = e.getValue() == null ? "" : e.getValue();
            if (v.length() > limits.maxAnnotationLength()) {
                throw new BadRecordException("annotation '" + e.getKey() + "' is longer than "
                        + limits.maxAnnotationLength() + " characters");
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}, without a regex (this runs for every label of every alert). */
    static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

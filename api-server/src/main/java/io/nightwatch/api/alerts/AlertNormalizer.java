package io.nightwatch.api.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns what senders post into standard {@link Alert}s, with Alertmanager's rules: labels with empty values are
 * dropped, at least one label must remain and names must be valid label names; Go's zero time
 * ({@code 0001-01-01T00:00:00Z}) means "not set"; the end must not be before the start; an alert whose end has
 * passed is resolved. Three forms: Prometheus' postable alerts (Alertmanager API v2), Alertmanager's webhook
 * payload, and a generic form. Each refused alert is reported as {@code [index] reason}; the others are kept.
 */
public final class AlertNormalizer {

    static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    static final int MAX_LABELS = 64;
    static final int MAX_VALUE = 2048;
    private static final Instant GO_ZERO_LIMIT = Instant.parse("0002-01-01T00:00:00Z");

    private AlertNormalizer() {}

    /** {@code POST /api/v2/alerts}: a JSON list of {labels, annotations, startsAt, endsAt, generatorURL}. */
    public static Normalized prometheus(JsonNode body, Instant now, String source) {
        if (body == null || !body.isArray()) {
            throw new IllegalArgumentException("expected a JSON list of alerts, as Prometheus sends to Alertmanager");
        }
        return each(body, now, (node, i) -> standard(node, now, source, false));
    }

    /** {@code POST /api/alerts/webhook}: Alertmanager's webhook payload ({@code alerts: [...]}). */
    public static Normalized webhook(JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("expected Alertmanager's webhook payload, a JSON object with 'alerts'");
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new IllegalArgumentException("field 'alerts': expected a list");
        }
        return each(alerts, now, (node, i) -> standard(node, now, "alertmanager", true));
    }

    /**
     * {@code POST /api/alerts}: one object or a list, each {@code {name, severity, service, instance, labels,
     * annotations, summary, status, startsAt, endsAt, source, generatorUrl}}; name, severity, service and instance
     * become labels.
     */
    public static Normalized generic(JsonNode body, Instant now) {
        if (body == null || !(body.isArray() || body.isObject())) {
            throw new IllegalArgumentException("expected an alert object or a JSON list of alert objects");
        }
        JsonNode list = body;
        if (body.isObject()) {
            list = body.has("alerts") && body.get("alerts").isArray() ? body.get("alerts")
                    : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(body);
        }
        return each(list, now, (node, i) -> genericOne(node, now));
    }

    private interface One {
        Alert apply(JsonNode node, int index) throws Refused;
    }

    /** Why one alert is refused. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static Normalized each(JsonNode list, Instant now, One one) {
        List<Alert> ok = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            try {
                if (node == null || !node.isObject()) {
                    throw new Refused("expected an object");
                }
                ok.add(one.apply(node, i));
            } catch (Refused e) {
                refused.add("[" + i + "] " + e.getMessage());
            }
        }
        return new Normalized(ok, refused, list.size());
    }

    private static Alert standard(JsonNode node, Instant now, String source, boolean webhook) throws Refused {
        Map<String, String> labels = labels(node.get("labels"), "labels", true);
        Map<String, String> annotations = labels(node.get("annotations"), "annotations", false);
        Instant startsAt = time(node.get("startsAt"), "startsAt");
        Instant endsAt = time(node.get("endsAt"), "endsAt");
        if (webhook && endsAt == null && "resolved".equals(text(node.get("status")))) {
            endsAt = now;
        }
        String url = text(node.get("generatorURL"));
        return build(labels, annotations, startsAt, endsAt, now, source, url == null || url.isEmpty() ? null : url);
    }

    private static Alert genericOne(JsonNode node, Instant now) throws Refused {
        Map<String, String> labels = new TreeMap<>(labels(node.get("labels"), "labels", false));
        putLabel(labels, "alertname", text(node.get("name")));
        putLabel(labels, "severity", text(node.get("severity")));
        putLabel(labels, "service", text(node.get("service")));
        putLabel(labels, "instance", text(node.get("instance")));
        if (!labels.containsKey("alertname")) {
            throw new Refused("missing 'name' (or labels.alertname)");
        }
        checkLabels(labels, "labels");
        Map<String, String> annotations = new TreeMap<>(labels(node.get("annotations"), "annotations", false));
        String summary = text(node.get("summary"));
        if (summary != null && !summary.isEmpty()) {
            annotations.putIfAbsent("summary", summary);
        }
        Instant startsAt = time(node.get("startsAt"), "startsAt");
        Instant endsAt = time(node.get("endsAt"), "endsAt");
        String status = text(node.get("status"));
        if (status != null && !status.equals("firing") && !status.equals("resolved")) {
            throw new Refused("field 'status': expected firing or resolved, got '" + status + "'");
        }
        if ("resolved".equals(status) && endsAt == null) {
            endsAt = now;
        }
        String source = text(node.get("source"));
        return build(labels, annotations, startsAt, endsAt, now, source == null || source.isBlank() ? "api" : source,
                text(node.get("generatorUrl")));
    }

    private static Alert build(Map<String, String> labels, Map<String, String> annotations, Instant startsAt, Instant endsAt,
            Instant now, String source, String url) throws Refused {
        if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
            throw new Refused("endsAt " + endsAt + " is before startsAt " + startsAt);
        }
        Instant start = startsAt != null ? startsAt : endsAt != null ? endsAt : now;
        AlertStatus status = endsAt != null && !endsAt.isAfter(now) ? AlertStatus.RESOLVED : AlertStatus.FIRING;
        String name = labels.getOrDefault("alertname", "unnamed");
        return new Alert(Alert.fingerprintOf(labels), source, name, labels.get("severity"), status, labels, annotations,
                start, endsAt, url);
    }

    private static void putLabel(Map<String, String> labels, String name, String value) {
        if (value != null && !value.isEmpty()) {
            labels.putIfAbsent(name, value);
        }
    }

    private static Map<String, String> labels(JsonNode node, String field, boolean required) throws Refused {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            if (required) {
                throw new Refused("at least one label pair required");
            }
            return out;
        }
        if (!node.isObject()) {
            throw new Refused("field '" + field + "': expected an object of name to string value");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                continue;
            }
            if (!v.isTextual()) {
                throw new Refused("field '" + field + "." + e.getKey() + "': expected a string, got " + v.getNodeType().name().toLowerCase());
            }
            if (field.equals("labels") && v.asText().isEmpty()) {
                continue; // Alertmanager drops labels with empty values
            }
            out.put(e.getKey(), v.asText());
        }
        if (field.equals("labels")) {
            if (required && out.isEmpty()) {
                throw new Refused("at least one label pair required");
            }
            checkLabels(out, field);
        } else {
            for (String name : out.keySet()) {
                if (!LABEL_NAME.matcher(name).matches()) {
                    throw new Refused("invalid annotation name '" + name + "'");
                }
            }
        }
        return out;
    }

    private static void checkLabels(Map<String, String> labels, String field) throws Refused {
        if (labels.size() > MAX_LABELS) {
            throw new Refused("more than " + MAX_LABELS + " labels");
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!LABEL_NAME.matcher(e.getKey()).matches()) {
                throw new Refused("invalid label name '" + e.getKey() + "'");
            }
            if (e.getValue().length() > MAX_VALUE) {
                throw new Refused("label '" + e.getKey() + "' is longer than " + MAX_VALUE + " characters");
            }
        }
    }

    private static Instant time(JsonNode node, String field) throws Refused {
        String s = text(node);
        if (s == null || s.isEmpty()) {
            return null;
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refused("field '" + field + "': not an RFC 3339 time: " + s);
        }
        return t.isBefore(GO_ZERO_LIMIT) ? null : t; // Go's zero time: not set
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}

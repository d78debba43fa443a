package io.nightwatch.analyzer.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.analyzer.RequestValidator;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.analysis.Text;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A tool call's arguments as the model sent them (a JSON object), read with defaults and bounds; remembers the values
 * actually used so the step shows them. Refuses unknown arguments and malformed values with a message for the model.
 */
public final class ToolArgs {

    private final Map<String, String> given = new LinkedHashMap<>();
    private final Map<String, String> used = new LinkedHashMap<>();

    private ToolArgs() {}

    /** Reads the JSON arguments of a call; a malformed document is an IllegalArgumentException. */
    public static ToolArgs parse(String json, Set<String> known) {
        ToolArgs args = new ToolArgs();
        if (Text.blank(json)) {
            return args;
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("arguments are not a JSON object: " + Text.cut(json, 100));
        }
        if (root == null || root.isNull()) {
            return args;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("arguments must be a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!known.contains(f.getKey())) {
                throw new IllegalArgumentException("unknown argument '" + Text.cut(f.getKey(), 40) + "' (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
            if (!f.getValue().isNull()) {
                args.given.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
            }
        }
        return args;
    }

    /** A name argument (service, instance, metric): must match the name pattern. */
    public String name(String key, String fallback) {
        String v = given.getOrDefault(key, fallback);
        if (v != null && !v.equals("*") && !RequestValidator.NAME.matcher(v).matches()) {
            throw new IllegalArgumentException(key + " '" + Text.cut(v, 40) + "' is not a valid name");
        }
        return use(key, v);
    }

    /** Free text (a search query). */
    public String text(String key, String fallback, int max) {
        return use(key, Text.cut(given.getOrDefault(key, fallback), max));
    }

    /** One of a few values. */
    public String choice(String key, String fallback, Set<String> allowed) {
        String v = given.getOrDefault(key, fallback);
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException(key + " must be one of " + allowed.stream().sorted().toList());
        }
        return use(key, v);
    }

    /** An ISO-8601 instant. */
    public Instant instant(String key, Instant fallback) {
        String v = given.get(key);
        if (v == null) {
            use(key, String.valueOf(fallback));
            return fallback;
        }
        try {
            Instant at = Instant.parse(v.strip());
            use(key, at.toString());
            return at;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " '" + Text.cut(v, 40) + "' is not an ISO-8601 instant (e.g. 2026-11-22T05:40:00Z)");
        }
    }

    /** An integer within bounds (clamped), for counts and limits. */
    public int integer(String key, int fallback, int min, int max) {
        String v = given.get(key);
        int n = fallback;
        if (v != null) {
            try {
                n = (int) Math.round(Double.parseDouble(v.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " '" + Text.cut(v, 20) + "' is not a number");
            }
        }
        n = Math.max(min, Math.min(max, n));
        use(key, Integer.toString(n));
        return n;
    }

    /** The arguments as used (defaults filled in), for the step. */
    public Map<String, String> used() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(used));
    }

    /** The arguments as the model sent them. */
    public Map<String, String> given() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    private String use(String key, String value) {
        if (value != null) {
            used.put(key, value);
        }
        return value;
    }
}

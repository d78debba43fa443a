package io.nightwatch.simulator.release;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request to release a version of a service. Everything but service and version is optional: a null risk is
 * MEDIUM, a null start is now, null stages mean a generated strategy, a null fault is a healthy version, null
 * window/bake/thresholds are the risk's.
 *
 * @param id the caller's release id (retrying a create with the same id and request returns the same release)
 */
public record ReleaseRequest(String id, String service, String version, Risk risk, Instant startAt,
        Long analysisWindowSeconds, Long bakeSeconds, Double passThreshold, Double marginalThreshold,
        List<StageSpec> stages, FaultProfile fault, String reason) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Set<String> FIELDS = Set.of("id", "service", "version", "risk", "startAt",
            "analysisWindowSeconds", "bakeSeconds", "passThreshold", "marginalThreshold", "stages", "fault", "reason");
    private static final Set<String> STAGE_FIELDS = Set.of("instances", "percent", "analysisWindowSeconds",
            "passThreshold", "marginalThreshold");
    private static final Set<String> FAULT_FIELDS = Set.of("kind", "size");

    public ReleaseRequest {
        risk = risk == null ? Risk.MEDIUM : risk;
        stages = stages == null ? null : List.copyOf(stages);
        fault = fault == null ? FaultProfile.HEALTHY : fault;
    }

    /** A healthy release of {@code version}, started now with the generated medium-risk strategy. */
    public static ReleaseRequest of(String service, String version) {
        return new ReleaseRequest(null, service, version, Risk.MEDIUM, null, null, null, null, null, null, null, null);
    }

    /** Parses the JSON body of {@code POST /releases}; says which field is wrong. */
    public static ReleaseRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ReleaseRejected("the body must be a JSON object");
        }
        rejectUnknown(body, FIELDS, "");
        String id = optionalName(body, "id");
        String service = requiredName(body, "service");
        String version = requiredName(body, "version");
        Risk risk = body.hasNonNull("risk") ? Risk.parse(text(body, "risk")) : null;
        Instant startAt = null;
        if (body.hasNonNull("startAt")) {
            try {
                startAt = Instant.parse(text(body, "startAt"));
            } catch (DateTimeParseException e) {
                throw new ReleaseRejected("startAt: not an ISO-8601 instant (e.g. 2026-11-22T05:40:00Z): "
                        + body.get("startAt").asText());
            }
        }
        List<StageSpec> stages = null;
        if (body.hasNonNull("stages")) {
            JsonNode array = body.get("stages");
            if (!array.isArray()) {
                throw new ReleaseRejected("stages: expected an array of {instances|percent, analysisWindowSeconds, "
                        + "passThreshold, marginalThreshold}");
            }
            stages = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode s = array.get(i);
                String where = "stages[" + i + "].";
                if (!s.isObject()) {
                    throw new ReleaseRejected("stages[" + i + "]: expected an object");
                }
                rejectUnknown(s, STAGE_FIELDS, where);
                stages.add(new StageSpec(integer(s, "instances", where), integer(s, "percent", where),
                        longValue(s, "analysisWindowSeconds", where), number(s, "passThreshold", where),
                        number(s, "marginalThreshold", where)));
            }
        }
        FaultProfile fault = null;
        if (body.hasNonNull("fault")) {
            fault = faultFromJson(body.get("fault"), "fault.");
        }
        String reason = body.hasNonNull("reason") ? text(body, "reason") : null;
        return new ReleaseRequest(id, service, version, risk, startAt, longValue(body, "analysisWindowSeconds", ""),
                longValue(body, "bakeSeconds", ""), number(body, "passThreshold", ""),
                number(body, "marginalThreshold", ""), stages, fault, reason);
    }

    /** Parses {@code {"kind": "latency", "size": 50}} (size optional). */
    public static FaultProfile faultFromJson(JsonNode f, String where) {
        if (f == null || !f.isObject()) {
            throw new ReleaseRejected(where.isEmpty() ? "the body must be a JSON object {kind, size}"
                    : where.substring(0, where.length() - 1) + ": expected an object {kind, size}");
        }
        rejectUnknown(f, FAULT_FIELDS, where);
        if (!f.hasNonNull("kind")) {
            throw new ReleaseRejected(where + "kind is required");
        }
        return FaultProfile.of(FaultKind.parse(text(f, "kind")), number(f, "size", where));
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new ReleaseRejected("unknown field '" + where + f + "'; known: " + new java.util.TreeSet<>(known));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw new ReleaseRejected(field + ": expected a string");
        }
        return v.asText();
    }

    private static String requiredName(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw new ReleaseRejected(field + " is required");
        }
        return checkedName(field, text(node, field));
    }

    private static String optionalName(JsonNode node, String field) {
        return node.hasNonNull(field) ? checkedName(field, text(node, field)) : null;
    }

    private static String checkedName(String field, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new ReleaseRejected(field + ": '" + value + "' must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }

    private static Integer integer(JsonNode node, String field, String where) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ReleaseRejected(where + field + ": expected an integer, got " + v);
        }
        return v.intValue();
    }

    private static Long longValue(JsonNode node, String field, String where) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new ReleaseRejected(where + field + ": expected an integer, got " + v);
        }
        return v.longValue();
    }

    private static Double number(JsonNode node, String field, String where) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isNumber()) {
            throw new ReleaseRejected(where + field + ": expected a number, got " + v);
        }
        return v.doubleValue();
    }
}

package io.nightwatch.api.releases;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.api.http.BadRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads and checks the body of {@code POST /api/releases}; a wrong field is a 400 that names it. */
final class CreateReleaseBody {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Set<String> FIELDS = Set.of("id", "service", "version", "risk", "startAt",
            "analysisWindowSeconds", "bakeSeconds", "passThreshold", "marginalThreshold", "stages", "fault", "reason");
    private static final Set<String> STAGE_FIELDS = Set.of("instances", "percent", "analysisWindowSeconds",
            "passThreshold", "marginalThreshold");
    private static final Set<String> FAULT_FIELDS = Set.of("kind", "size");

    private CreateReleaseBody() {}

    static CreateRelease parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequest("the body must be a JSON object with at least 'service' and 'version'");
        }
        known(body, FIELDS, "");
        String risk = text(body, "risk", "");
        if (risk != null && !List.of("low", "medium", "high").contains(risk.toLowerCase(Locale.ROOT))) {
            throw new BadRequest("risk must be low, medium or high, got '" + risk + "'");
        }
        Instant startAt = null;
        String start = text(body, "startAt", "");
        if (start != null) {
            try {
                startAt = Instant.parse(start);
            } catch (DateTimeParseException e) {
                throw new BadRequest("startAt is not an ISO-8601 instant (e.g. 2026-11-22T05:40:00Z): " + start);
            }
        }
        List<CreateRelease.Stage> stages = null;
        if (body.hasNonNull("stages")) {
            if (!body.get("stages").isArray() || body.get("stages").isEmpty()) {
                throw new BadRequest("stages must be a non-empty array of {instances|percent, analysisWindowSeconds, "
                        + "passThreshold, marginalThreshold}");
            }
            stages = new ArrayList<>();
            int i = 0;
            for (JsonNode s : body.get("stages")) {
                String where = "stages[" + i++ + "].";
                if (!s.isObject()) {
                    throw new BadRequest(where.substring(0, where.length() - 1) + " must be an object");
                }
                known(s, STAGE_FIELDS, where);
                Long instances = positive(s, "instances", where);
                Long percent = positive(s, "percent", where);
                if ((instances == null) == (percent == null)) {
                    throw new BadRequest(where + " give exactly one of 'instances' or 'percent'");
                }
                if (percent != null && percent > 100) {
                    throw new BadRequest(where + "percent must be at most 100");
                }
                stages.add(new CreateRelease.Stage(instances == null ? null : instances.intValue(),
                        percent == null ? null : percent.intValue(), positive(s, "analysisWindowSeconds", where),
                        score(s, "passThreshold", where), score(s, "marginalThreshold", where)));
            }
        }
        CreateRelease.Fault fault = null;
        if (body.hasNonNull("fault")) {
            JsonNode f = body.get("fault");
            if (!f.isObject()) {
                throw new BadRequest("fault must be an object {kind, size}");
            }
            known(f, FAULT_FIELDS, "fault.");
            String kind = text(f, "kind", "fault.");
            if (kind == null) {
                throw new BadRequest("fault.kind is required");
            }
            JsonNode size = f.get("size");
            if (size != null && !size.isNull() && !size.isNumber()) {
                throw new BadRequest("fault.size must be a number");
            }
            fault = new CreateRelease.Fault(kind, size == null || size.isNull() ? null : size.doubleValue());
        }
        Double pass = score(body, "passThreshold", "");
        Double marginal = score(body, "marginalThreshold", "");
        if (pass != null && marginal != null && marginal > pass) {
            throw new BadRequest("marginalThreshold " + marginal + " is above passThreshold " + pass);
        }
        return new CreateRelease(name(body, "id", false), name(body, "service", true), name(body, "version", true),
                risk == null ? null : risk.toLowerCase(Locale.ROOT), startAt, positive(body, "analysisWindowSeconds", ""),
                positive(body, "bakeSeconds", ""), pass, marginal, stages, fault, text(body, "reason", ""));
    }

    private static void known(JsonNode node, Set<String> fields, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw new BadRequest("unknown field '" + where + f + "'; known: " + new TreeSet<>(fields));
            }
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadRequest(where + field + " must be a string");
        }
        return v.asText();
    }

    private static String name(JsonNode node, String field, boolean required) {
        String v = text(node, field, "");
        if (v == null) {
            if (required) {
                throw new BadRequest(field + " is required");
            }
            return null;
        }
        if (!NAME.matcher(v).matches()) {
            throw new BadRequest(field + " '" + v + "' must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        return v;
    }

    private static Long positive(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.longValue() < 1) {
            throw new BadRequest(where + field + " must be a whole number >= 1, got " + v);
        }
        return v.longValue();
    }

    private static Double score(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || v.doubleValue() < 0 || v.doubleValue() > 100) {
            throw new BadRequest(where + field + " must be a number in [0, 100], got " + v);
        }
        return v.doubleValue();
    }
}

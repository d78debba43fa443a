package io.nightwatch.api.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import io.nightwatch.api.alerts.PublishFailed;
import io.nightwatch.api.auth.AccessControl;
import io.nightwatch.api.http.BadRequest;
import io.nightwatch.api.http.NotFound;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Alert rules (the rule store): list, one rule with its versions and changes, create a rule or a new version, delete
 * (a tombstone), roll back to an earlier version. HTTP only; {@link RuleStore} decides.
 */
public final class RulesController {

    static final int MAX_CHANGES = 200;
    private static final ObjectReader BODY = Json.mapper().readerFor(RuleBody.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RuleStore store;

    public RulesController(RuleStore store) {
        this.store = store;
    }

    /** {@code GET /api/rules[?deleted=true]}: the current version of every rule, deleted ones only when asked. */
    public void list(Context ctx) {
        boolean deleted = "true".equals(ctx.queryParam("deleted"));
        ctx.json(store.repository().currentRules().stream().filter(r -> deleted || !r.deleted()).toList());
    }

    /** {@code GET /api/rules/{id}}. */
    public void get(Context ctx) {
        String id = ctx.pathParam("id");
        List<StoredRule> versions = store.repository().versions(id);
        if (versions.isEmpty()) {
            throw new NotFound("no rule with id '" + id + "'");
        }
        ctx.json(new RuleDetail(versions.get(0), versions, store.repository().changes(id, MAX_CHANGES)));
    }

    /** {@code POST /api/rules}: a new rule or a new version of one; 201 with the stored version. */
    public void save(Context ctx) {
        RuleBody body = parse(ctx.body());
        List<String> problems = RuleValidator.problems(body);
        if (!problems.isEmpty()) {
            throw new BadRequest(String.join("; ", problems));
        }
        StoredRule stored = publishing(() -> store.save(body, AccessControl.caller(ctx).name()));
        ctx.status(201).json(stored);
    }

    /** {@code DELETE /api/rules/{id}[?reason=]}. */
    public void delete(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(publishing(() -> store.delete(id, AccessControl.caller(ctx).name(), ctx.queryParam("reason"))));
    }

    /** {@code POST /api/rules/{id}/rollback?version=N} (body {@code {"reason"?}}). */
    public void rollback(Context ctx) {
        String v = ctx.queryParam("version");
        if (v == null) {
            throw new BadRequest("query parameter 'version' is required (the version to roll back to)");
        }
        int version;
        try {
            version = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadRequest("query parameter 'version': not a number: " + v);
        }
        if (version < 1) {
            throw new BadRequest("query parameter 'version': must be 1 or more");
        }
        String reason = reason(ctx.body());
        ctx.json(publishing(() -> store.rollback(ctx.pathParam("id"), version, AccessControl.caller(ctx).name(), reason)));
    }

    private static RuleBody parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequest("body is empty: expected a rule, e.g. {\"id\":\"checkout-latency\",\"name\":\"...\","
                    + "\"metric\":\"latency_ms\",\"resolution\":\"1m\",\"condition\":{\"kind\":\"THRESHOLD\",\"field\":\"avg\","
                    + "\"comparison\":\"GT\",\"threshold\":300},\"policy\":\"auto\"}");
        }
        try {
            RuleBody b = BODY.readValue(body);
            if (b == null) {
                throw new BadRequest("body must be a JSON object, not null");
            }
            return b;
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            throw new BadRequest("field " + path + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("body is not valid JSON: " + e.getMessage());
        }
    }

    private static String reason(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            Map<?, ?> m = Json.mapper().readValue(body, Map.class);
            Object r = m.get("reason");
            return r == null ? null : r.toString();
        } catch (IOException e) {
            throw new BadRequest("malformed JSON: " + e.getMessage());
        }
    }

    /** A store call that publishes to Kafka: Kafka down → 503 and nothing is stored. */
    private static <T> T publishing(Publishing<T> call) {
        try {
            return call.run();
        } catch (PublishFailed e) {
            throw new ServiceUnavailableResponse("rule change not stored: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Publishing<T> {
        T run() throws PublishFailed;
    }
}

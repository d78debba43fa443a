package io.nightwatch.simulator.release;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.nightwatch.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release system's HTTP API (what the api-server's adapter calls): create, read, pause, resume, cancel and
 * roll back releases; instance versions; fault injection into an instance. With a token configured, every route
 * but {@code /healthz} needs {@code Authorization: Bearer <token>}. Errors are {@code {"error": "..."}} with 400,
 * 401, 404 or 409.
 */
public final class ReleaseApi {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseApi.class);

    private ReleaseApi() {}

    /** The app, not started. {@code token} null: no authentication (loopback use only). */
    public static Javalin create(ReleaseEngine engine, String token) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.newMapper(), false));
            config.http.defaultContentType = "application/json";
        });
        if (token != null) {
            app.before(ctx -> requireToken(ctx, token));
        }
        app.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        app.get("/releases", ctx -> ctx.json(engine.list()));
        app.post("/releases", ctx -> {
            ReleaseRequest request = ReleaseRequest.fromJson(body(ctx));
            boolean existed = request.id() != null && engine.get(request.id()).isPresent();
            ctx.status(existed ? 200 : 201).json(engine.create(request));
        });
        app.get("/releases/{id}", ctx -> ctx.json(engine.get(ctx.pathParam("id"))
                .orElseThrow(() -> new ReleaseNotFound("no release '" + ctx.pathParam("id") + "'"))));
        app.post("/releases/{id}/pause", ctx -> ctx.json(engine.pause(ctx.pathParam("id"), reason(ctx))));
        app.post("/releases/{id}/resume", ctx -> ctx.json(engine.resume(ctx.pathParam("id"), reason(ctx))));
        app.post("/releases/{id}/cancel", ctx -> ctx.json(engine.cancel(ctx.pathParam("id"), reason(ctx))));
        app.post("/releases/{id}/rollback", ctx -> ctx.json(engine.rollback(ctx.pathParam("id"), reason(ctx))));
        app.get("/instances", ctx -> ctx.json(engine.instances(ctx.queryParam("service"))));
        app.post("/instances/{name}/fault", ctx -> {
            JsonNode body = body(ctx);
            boolean alert = !body.has("alert") || body.get("alert").asBoolean(true);
            com.fasterxml.jackson.databind.node.ObjectNode fault = ((com.fasterxml.jackson.databind.node.ObjectNode) body)
                    .deepCopy();
            fault.remove("alert");
            ctx.json(engine.injectFault(ctx.pathParam("name"), ReleaseRequest.faultFromJson(fault, ""), alert));
        });
        app.delete("/instances/{name}/fault", ctx -> ctx.json(engine.injectFault(ctx.pathParam("name"),
                FaultProfile.HEALTHY, false)));

        app.exception(ReleaseRejected.class, (e, ctx) -> ctx.status(400).json(error(e.getMessage())));
        app.exception(ReleaseNotFound.class, (e, ctx) -> ctx.status(404).json(error(e.getMessage())));
        app.exception(ReleaseConflict.class, (e, ctx) -> ctx.status(409).json(error(e.getMessage())));
        app.exception(Unauthorized.class, (e, ctx) -> ctx.status(401).header("WWW-Authenticate", "Bearer")
                .json(error(e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("release API {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(error("internal error; see the release system's log"));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                ctx.json(error("no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        return app;
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new ReleaseRejected("the body must be a JSON object");
        }
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (!node.isObject()) {
                throw new ReleaseRejected("the body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ReleaseRejected("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The optional {@code reason} of an action's body (an empty body is fine). */
    private static String reason(Context ctx) {
        if (ctx.body().isBlank()) {
            return null;
        }
        JsonNode body = body(ctx);
        JsonNode reason = body.get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw new ReleaseRejected("reason: expected a string");
        }
        return reason == null || reason.isNull() || reason.asText().isBlank() ? null : reason.asText();
    }

    private static void requireToken(Context ctx, String token) {
        if (ctx.path().equals("/healthz")) {
            return;
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new Unauthorized(header == null ? "missing bearer token" : "invalid token");
        }
    }

    private static Map<String, String> error(String message) {
        return Map.of("error", message == null ? "error" : message);
    }

    /** A call without the release system's token. */
    static final class Unauthorized extends RuntimeException {
        Unauthorized(String message) {
            super(message);
        }
    }
}

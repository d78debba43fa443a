package io.nightwatch.api.releases;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.nightwatch.api.auth.AccessControl;
import io.nightwatch.api.auth.Caller;
import io.nightwatch.api.http.BadRequest;
import io.nightwatch.api.http.NotFound;
import io.nightwatch.api.http.QueryParams;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP for releases: reads from PostgreSQL (viewer); create, pause, resume, cancel and roll back through the
 * release-system adapter (operator), each recorded with the caller's name in the reason.
 */
public final class ReleasesController {

    static final int MAX_LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ReleasesController.class);
    private static final List<String> STATUSES = List.of("SCHEDULED", "STAGE_STARTED", "STAGE_PASSED", "PAUSED",
            "RESUMED", "ROLLING_BACK", "ROLLED_BACK", "COMPLETED", "CANCELLED", "FAILED");

    private final ReleaseRepository releases;
    private final ReleaseSystemAdapter releaseSystem;

    public ReleasesController(ReleaseRepository releases, ReleaseSystemAdapter releaseSystem) {
        this.releases = releases;
        this.releaseSystem = releaseSystem;
    }

    /** {@code GET /api/releases?service=&status=&limit=100}. */
    public void list(Context ctx) {
        String status = ctx.queryParam("status");
        if (status != null && !status.isBlank() && !STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            throw new BadRequest("query parameter 'status' must be one of " + STATUSES + ", got '" + status + "'");
        }
        ctx.json(releases.list(blankToNull(ctx.queryParam("service")),
                status == null || status.isBlank() ? null : status.toUpperCase(Locale.ROOT), limit(ctx)));
    }

    /** {@code GET /api/releases/{id}}. */
    public void get(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(releases.get(id).orElseThrow(() -> new NotFound("no release '" + id + "'")));
    }

    /** {@code GET /api/instances?service=}. */
    public void instances(Context ctx) {
        ctx.json(releases.instances(blankToNull(ctx.queryParam("service"))));
    }

    /** {@code POST /api/releases}: 201 with the release system's answer. */
    public void create(Context ctx) {
        CreateRelease request = CreateReleaseBody.parse(body(ctx, true));
        Caller caller = AccessControl.caller(ctx);
        CreateRelease audited = new CreateRelease(request.id(), request.service(), request.version(), request.risk(),
                request.startAt(), request.analysisWindowSeconds(), request.bakeSeconds(), request.passThreshold(),
                request.marginalThreshold(), request.stages(), request.fault(), by(caller, request.reason(), "created"));
        ReleaseAck ack = releaseSystem.create(audited);
        LOG.info("{} created release {} of {} {} through {}", caller.name(), ack.id(), ack.service(), ack.version(),
                releaseSystem.name());
        ctx.status(201).json(ack);
    }

    /** {@code POST /api/releases/{id}/pause}. */
    public void pause(Context ctx) {
        act(ctx, "paused");
    }

    /** {@code POST /api/releases/{id}/resume}. */
    public void resume(Context ctx) {
        act(ctx, "resumed");
    }

    /** {@code POST /api/releases/{id}/cancel}. */
    public void cancel(Context ctx) {
        act(ctx, "cancelled");
    }

    /** {@code POST /api/releases/{id}/rollback}. */
    public void rollback(Context ctx) {
        act(ctx, "rolled back");
    }

    private void act(Context ctx, String what) {
        String id = ctx.pathParam("id");
        JsonNode body = body(ctx, false);
        JsonNode reason = body == null ? null : body.get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw new BadRequest("reason must be a string");
        }
        if (body != null) {
            body.fieldNames().forEachRemaining(f -> {
                if (!f.equals("reason")) {
                    throw new BadRequest("unknown field '" + f + "'; known: [reason]");
                }
            });
        }
        Caller caller = AccessControl.caller(ctx);
        String why = by(caller, reason == null || reason.isNull() ? null : reason.asText(), what);
        ReleaseAck ack = switch (what) {
            case "paused" -> releaseSystem.pause(id, why);
            case "resumed" -> releaseSystem.resume(id, why);
            case "cancelled" -> releaseSystem.cancel(id, why);
            default -> releaseSystem.rollback(id, why);
        };
        LOG.info("{} {} release {} through {}", caller.name(), what, id, releaseSystem.name());
        ctx.json(ack);
    }

    private static String by(Caller caller, String reason, String what) {
        return what + " by " + caller.name() + " (" + caller.role().label() + ")"
                + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }

    private static JsonNode body(Context ctx, boolean required) {
        String text = ctx.body();
        if (text.isBlank()) {
            if (required) {
                throw new BadRequest("the body must be a JSON object");
            }
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (!node.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequest("the body is not JSON");
        }
    }

    private static int limit(Context ctx) {
        return QueryParams.integer(ctx, "limit", 100, 1, MAX_LIMIT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

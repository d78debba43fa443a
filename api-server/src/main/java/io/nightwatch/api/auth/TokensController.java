package io.nightwatch.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.nightwatch.api.http.BadRequest;
import io.nightwatch.api.http.NotFound;
import io.nightwatch.schemas.Json;
import java.io.IOException;

/** HTTP for token administration (admin role): list, create or rotate, revoke. */
public final class TokensController {

    private final TokenService tokens;
    private final TokenRepository repository;

    public TokensController(TokenService tokens, TokenRepository repository) {
        this.tokens = tokens;
        this.repository = repository;
    }

    /** {@code GET /api/tokens}. */
    public void list(Context ctx) {
        ctx.json(repository.list());
    }

    /** {@code POST /api/tokens} with {@code {"name": "...", "role": "viewer|operator|admin"}} → 201 with the token. */
    public void create(Context ctx) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(ctx.body());
        } catch (IOException e) {
            throw new BadRequest("body is not JSON: expected {\"name\": \"...\", \"role\": \"viewer|operator|admin\"}");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequest("body must be a JSON object with 'name' and 'role'");
        }
        String name = body.path("name").asText(null);
        String roleText = body.path("role").asText(null);
        if (name == null || roleText == null) {
            throw new BadRequest("missing field '" + (name == null ? "name" : "role") + "'");
        }
        try {
            ctx.status(201).json(tokens.create(name, Role.parse(roleText)));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /** {@code DELETE /api/tokens/{name}}: revokes it. */
    public void revoke(Context ctx) {
        if (!tokens.revoke(ctx.pathParam("name"))) {
            throw new NotFound("no active token named '" + ctx.pathParam("name") + "'");
        }
        ctx.status(204);
    }
}

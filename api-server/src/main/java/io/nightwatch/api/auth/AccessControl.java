package io.nightwatch.api.auth;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Header;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.util.Set;

/**
 * Checks every matched route that declares a role: no or unknown bearer token → 401; a role below the route's
 * → 403. Routes declared without a role are public (only the UI's static files and {@code /healthz}).
 */
public final class AccessControl {

    /** Request attribute holding the authenticated {@link Caller}. */
    public static final String CALLER = "nightwatch.caller";

    private final TokenService tokens;

    public AccessControl(TokenService tokens) {
        this.tokens = tokens;
    }

    /** Javalin {@code beforeMatched} handler. */
    public void check(Context ctx) {
        Set<RouteRole> required = ctx.routeRoles();
        if (required.isEmpty()) {
            return;
        }
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"nightwatch\"");
            throw new UnauthorizedResponse("missing bearer token (Authorization: Bearer nw_...)");
        }
        Caller caller = tokens.authenticate(header.substring(7).trim()).orElseThrow(() -> {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"nightwatch\", error=\"invalid_token\"");
            return new UnauthorizedResponse("invalid or revoked token");
        });
        Role needed = required.stream().map(Role.class::cast).min(Enum::compareTo).orElseThrow();
        if (!caller.role().covers(needed)) {
            throw new ForbiddenResponse("role " + caller.role().label() + " may not do this; it needs " + needed.label());
        }
        ctx.attribute(CALLER, caller);
    }

    /** The caller of an authenticated request. */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new UnauthorizedResponse("not authenticated");
        }
        return caller;
    }
}

package io.nightwatch.analyzer;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The analyzer's authentication: one bearer token shared with its callers (the incidents job), compared in constant
 * time through its SHA-256. Missing or wrong token → 401.
 */
public final class BearerAuth {

    /** Shortest token accepted at start-up. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private final byte[] expected;

    public BearerAuth(String token) {
        if (token == null || token.strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the analyzer token must have at least " + MIN_TOKEN_LENGTH + " characters");
        }
        this.expected = sha256(token.strip());
    }

    /** Javalin {@code before} handler for the protected paths. */
    public void check(Context ctx) {
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"nightwatch-analyzer\"");
            throw new UnauthorizedResponse("missing bearer token (Authorization: Bearer <the analyzer token>)");
        }
        if (!MessageDigest.isEqual(sha256(header.substring(7).strip()), expected)) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"nightwatch-analyzer\", error=\"invalid_token\"");
            throw new UnauthorizedResponse("invalid token");
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

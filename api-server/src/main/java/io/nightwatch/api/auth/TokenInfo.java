package io.nightwatch.api.auth;

import java.time.Instant;

/** What the API shows about a token: never the token or its hash. */
public record TokenInfo(String name, String role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

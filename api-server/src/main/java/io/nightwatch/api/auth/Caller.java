package io.nightwatch.api.auth;

/** The authenticated caller of a request: the token's name and role. */
public record Caller(long tokenId, String name, Role role) {}

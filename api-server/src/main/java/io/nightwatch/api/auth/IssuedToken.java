package io.nightwatch.api.auth;

/** A newly created token: the plaintext is shown once and never stored. */
public record IssuedToken(String name, Role role, String token) {}

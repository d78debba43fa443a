package io.nightwatch.functions.guard;

/** The guard's verdict and the rate-limit state to store afterwards (it changes only for ALLOW and HOLD). */
public record GuardDecision(GuardVerdict verdict, RateLimitState state) {}

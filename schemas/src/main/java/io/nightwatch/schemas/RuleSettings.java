package io.nightwatch.schemas;

/** The tunable part of an alert rule that a rule change moves: threshold, hold duration, enabled. */
public record RuleSettings(double threshold, long forSeconds, boolean enabled) {}

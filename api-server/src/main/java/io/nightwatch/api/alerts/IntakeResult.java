package io.nightwatch.api.alerts;

/** The answer to an intake request: how many alerts were accepted, and what was wrong with the others. */
public record IntakeResult(String status, int accepted, String error) {}

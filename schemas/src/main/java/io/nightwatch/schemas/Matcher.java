package io.nightwatch.schemas;

/** A label matcher as in Alertmanager's API v2: equality or regex, positive or negated. */
public record Matcher(String name, String value, boolean isRegex, boolean isEqual) {}

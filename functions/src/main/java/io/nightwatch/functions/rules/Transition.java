package io.nightwatch.functions.rules;

/** What an evaluation did to a rule's alert on a series. */
public enum Transition {
    NONE,
    FIRING,
    RESOLVED
}

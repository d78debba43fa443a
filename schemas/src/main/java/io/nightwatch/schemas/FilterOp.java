package io.nightwatch.schemas;

/** How a label filter of an alert rule compares a label with its values. */
public enum FilterOp {
    EQUAL,
    NOT_EQUAL,
    IN,
    NOT_IN,
    REGEX,
    NOT_REGEX
}

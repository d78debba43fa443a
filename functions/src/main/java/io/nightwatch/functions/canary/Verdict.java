package io.nightwatch.functions.canary;

/** The verdict on a whole canary stage from its summary score. */
public enum Verdict {
    PASS,
    MARGINAL,
    FAIL
}

package io.nightwatch.functions.incidents.config;

/**
 * What a convergence rule does once its count is reached within its window (after BlueKing's fault self-healing
 * converge functions of the same names).
 */
public enum ConvergeFunction {
    /** The first {@code count} incidents are handled; the rest are collected into one summary incident. */
    COLLECT,
    /** An incident is skipped while a peer of the same dimension is being handled. */
    SKIP_WHEN_PROCEED,
    /** From the {@code count}-th incident on, each is held for a human's approval, which expires after a timeout. */
    DEFENSE;

    /** Parses {@code collect}, {@code skip_when_proceed} or {@code defense}. */
    public static ConvergeFunction parse(String text) {
        for (ConvergeFunction f : values()) {
            if (f.name().equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new InvalidConfigException("unknown convergence function '" + text
                + "'; expected collect, skip_when_proceed or defense");
    }
}

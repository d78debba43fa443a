package io.nightwatch.schemas;

/** The comparison operator of a rule condition. */
public enum Comparison {
    GT,
    GTE,
    LT,
    LTE;

    /** Whether {@code value OP threshold} holds; NaN never holds. */
    public boolean holds(double value, double threshold) {
        return switch (this) {
            case GT -> value > threshold;
            case GTE -> value >= threshold;
            case LT -> value < threshold;
            case LTE -> value <= threshold;
        };
    }
}

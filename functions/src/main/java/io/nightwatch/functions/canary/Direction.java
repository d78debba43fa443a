package io.nightwatch.functions.canary;

import java.util.Locale;

/** Which way a canary metric may move before it counts against the canary (Kayenta's MetricDirection). */
public enum Direction {
    INCREASE,
    DECREASE,
    EITHER;

    /** Whether a significant increase (High) is a failure for this direction. */
    public boolean watchesIncrease() {
        return this != DECREASE;
    }

    /** Whether a significant decrease (Low) is a failure for this direction. */
    public boolean watchesDecrease() {
        return this != INCREASE;
    }

    /** Parses Kayenta's config spelling ("increase", "decrease", "either"); anything else is EITHER, as in Kayenta. */
    public static Direction parse(String text) {
        if (text == null) {
            return EITHER;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "increase" -> INCREASE;
            case "decrease" -> DECREASE;
            default -> EITHER;
        };
    }
}

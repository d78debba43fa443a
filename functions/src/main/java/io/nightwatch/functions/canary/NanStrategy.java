package io.nightwatch.functions.canary;

import java.util.Arrays;
import java.util.Locale;

/** What the judge does with NaN samples before classifying (Kayenta's NaNStrategy). */
public enum NanStrategy {
    /** Drop NaN samples; a metric left with no samples is Nodata. */
    REMOVE,
    /** Replace NaN samples with zero (a missing count means no events); an empty metric passes. */
    REPLACE;

    /** Applies the strategy to a copy of the samples. */
    public double[] apply(double[] values) {
        if (values == null) {
            return new double[0];
        }
        return switch (this) {
            case REMOVE -> Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
            case REPLACE -> Arrays.stream(values).map(v -> Double.isNaN(v) ? 0.0 : v).toArray();
        };
    }

    /** Parses Kayenta's config spelling ("remove", "replace"); anything else is REMOVE, as in Kayenta. */
    public static NanStrategy parse(String text) {
        if (text == null) {
            return REMOVE;
        }
        return text.trim().toLowerCase(Locale.ROOT).startsWith("replace") ? REPLACE : REMOVE;
    }
}

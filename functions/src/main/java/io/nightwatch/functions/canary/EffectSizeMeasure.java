package io.nightwatch.functions.canary;

import java.util.Locale;

/** How the classifier measures the size of a canary-vs-baseline difference. */
public enum EffectSizeMeasure {
    /** Canary mean divided by baseline mean; NaN when either mean is zero; 1 means no change. */
    MEAN_RATIO,
    /** Common-language effect size: P(canary sample > baseline sample), ties counted half; 0.5 means no change. */
    CLES;

    /** The effect size of canary {@code x} against baseline {@code y}. */
    public double of(double[] x, double[] y) {
        return this == CLES ? EffectSizes.cles(x, y) : EffectSizes.meanRatio(x, y);
    }

    /** Parses Kayenta's config spelling ("meanRatio", "cles"); anything else is MEAN_RATIO. */
    public static EffectSizeMeasure parse(String text) {
        return text != null && text.trim().toLowerCase(Locale.ROOT).equals("cles") ? CLES : MEAN_RATIO;
    }
}

package io.nightwatch.functions.canary;

/**
 * Refuses to guess: a side with no samples is Nodata, a side with fewer than {@code minSamples} is NotEnoughData
 * (spinnaker/kayenta#799: Kayenta judges whatever it gets, and with NaN replacement a missing baseline passes).
 */
public record MinimumSampleRule(int minSamples) {

    /** The default minimum number of samples per side. */
    public static final int DEFAULT_MIN_SAMPLES = 10;

    public MinimumSampleRule {
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be >= 1: " + minSamples);
        }
    }

    public static MinimumSampleRule defaults() {
        return new MinimumSampleRule(DEFAULT_MIN_SAMPLES);
    }

    /** Outcome of the rule: {@code classification} is null when both sides have enough samples. */
    public record Check(Classification classification, String reason) {

        /** Whether the metric may be judged. */
        public boolean ok() {
            return classification == null;
        }
    }

    /** Checks the sample counts of canary and baseline. */
    public Check check(int canarySamples, int baselineSamples) {
        if (baselineSamples == 0 && canarySamples == 0) {
            return new Check(Classification.NODATA, "no samples for canary nor baseline");
        }
        if (baselineSamples == 0) {
            return new Check(Classification.NODATA, "baseline (control) has no samples: nothing to compare against");
        }
        if (canarySamples == 0) {
            return new Check(Classification.NODATA, "canary has no samples");
        }
        if (canarySamples < minSamples || baselineSamples < minSamples) {
            return new Check(Classification.NOT_ENOUGH_DATA, "too few samples to judge: canary " + canarySamples
                    + ", baseline " + baselineSamples + " (minimum " + minSamples + " each)");
        }
        return new Check(null, null);
    }
}

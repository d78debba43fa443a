package io.nightwatch.functions.canary;

import java.io.Serializable;

/** Pass and marginal thresholds on the summary score (Kayenta's CanaryClassifierThresholdsConfig). */
public record ScoreThresholds(double pass, double marginal) implements Serializable {

    public ScoreThresholds {
        if (marginal > pass) {
            throw new IllegalArgumentException("marginal threshold " + marginal + " above pass threshold " + pass);
        }
    }

    /** Kayenta's usual thresholds: pass 75, marginal 50. */
    public static ScoreThresholds defaults() {
        return new ScoreThresholds(75.0, 50.0);
    }

    /** Kayenta's ThresholdScoreClassifier: score ≥ pass is PASS, score ≥ marginal is MARGINAL, else FAIL. */
    public Verdict classify(double score) {
        if (score >= pass) {
            return Verdict.PASS;
        }
        if (score >= marginal) {
            return Verdict.MARGINAL;
        }
        return Verdict.FAIL;
    }
}

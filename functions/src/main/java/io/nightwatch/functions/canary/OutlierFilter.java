package io.nightwatch.functions.canary;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Optional outlier removal before classification (Kayenta's "outliers: remove" with its IQR detector in reduced
 * sensitivity): drops values outside the wider of [Q1 − k·IQR, Q3 + k·IQR] and [P1, P99] (R-7 quantiles).
 * Off by default, as in Kayenta; no conformance case exercises it.
 */
public record OutlierFilter(double factor) implements Serializable {

    /** Kayenta's default outlier factor. */
    public static final double DEFAULT_FACTOR = 3.0;

    public OutlierFilter {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be > 0: " + factor);
        }
    }

    /** The samples without outliers (samples with fewer than 4 values are returned unchanged). */
    public double[] apply(double[] values) {
        if (values.length < 4) {
            return values.clone();
        }
        Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
        p.setData(values);
        double q1 = p.evaluate(25);
        double q3 = p.evaluate(75);
        double iqr = q3 - q1;
        double lower = Math.min(q1 - factor * iqr, p.evaluate(1));
        double upper = Math.max(q3 + factor * iqr, p.evaluate(99));
        return Arrays.stream(values).filter(v -> v >= lower && v <= upper).toArray();
    }
}

package io.nightwatch.functions.metrics;

import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.Rollup;
import java.time.Instant;
import java.util.Map;

/**
 * Running count/sum/min/max of one series (or one service) in one window, plus the series' identity.
 * Mergeable: a coarse window is the merge of its fine windows. A Flink POJO (public fields) for state.
 */
public final class RollupAccumulator {
    public String service;
    public String instance;
    public String metric;
    public Map<String, String> labels;
    public long count;
    public double sum;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;

    /** Adds one value of the given series. */
    public RollupAccumulator add(SeriesPoint point) {
        if (count == 0) {
            service = point.service();
            instance = point.instance();
            metric = point.metric();
            labels = point.labels();
        }
        count++;
        sum += point.value();
        min = Math.min(min, point.value());
        max = Math.max(max, point.value());
        return this;
    }

    /** Adds a finer rollup; {@code asInstance} names the merged series' instance ({@code *} for a service). */
    public RollupAccumulator add(Rollup rollup, String asInstance, Map<String, String> asLabels) {
        if (count == 0) {
            service = rollup.service();
            instance = asInstance;
            metric = rollup.metric();
            labels = asLabels;
        }
        count += rollup.count();
        sum += rollup.sum();
        min = Math.min(min, rollup.min());
        max = Math.max(max, rollup.max());
        return this;
    }

    /** Adds everything another accumulator of the same series holds. */
    public RollupAccumulator merge(RollupAccumulator other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            service = other.service;
            instance = other.instance;
            metric = other.metric;
            labels = other.labels;
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        return this;
    }

    /** The rollup of this accumulator for a series, resolution and window start. */
    public Rollup toRollup(String series, Resolution resolution, long windowStartMillis) {
        return new Rollup(series, service, instance, metric, labels, resolution, Instant.ofEpochMilli(windowStartMillis),
                count, sum, min, max, sum / count, null, null, null);
    }
}

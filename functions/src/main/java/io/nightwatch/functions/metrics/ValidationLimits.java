package io.nightwatch.functions.metrics;

import java.io.Serializable;

/**
 * What a metric point may look like: the time window around now it may fall in, and the size of its names
 * and label set. Points outside these limits go to the dead-letter topic.
 */
public record ValidationLimits(
        long maxPastMillis, long maxFutureMillis, int maxLabels, int maxNameLength, int maxLabelValueLength, int maxBytes)
        implements Serializable {

    /** Seven days back, two minutes ahead (a future point drags the watermark), 32 labels, names ≤ 128, values ≤ 1024, 64 KiB. */
    public static ValidationLimits defaults() {
        return new ValidationLimits(7L * 24 * 3600 * 1000, 2L * 60 * 1000, 32, 128, 1024, 64 * 1024);
    }
}

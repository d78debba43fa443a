package io.nightwatch.functions.metrics;

import org.apache.flink.api.java.functions.KeySelector;

/** Keys points by their series id. */
public final class SeriesKey implements KeySelector<SeriesPoint, String> {
    @Override
    public String getKey(SeriesPoint point) {
        return point.series();
    }
}

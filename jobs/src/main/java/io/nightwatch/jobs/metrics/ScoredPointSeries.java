package io.nightwatch.jobs.metrics;

import io.nightwatch.functions.metrics.rollup.ScoredPoint;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys an anomaly candidate by its series. */
final class ScoredPointSeries implements KeySelector<ScoredPoint, String> {
    @Override
    public String getKey(ScoredPoint p) {
        return p.series();
    }
}

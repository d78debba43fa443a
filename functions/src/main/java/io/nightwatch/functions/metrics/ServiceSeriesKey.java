package io.nightwatch.functions.metrics;

import io.nightwatch.schemas.MetricPoint;
import io.nightwatch.schemas.Rollup;
import java.util.Map;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys a per-instance rollup by the series id of its service-level rollup: {@code service/ * /metric}. */
public final class ServiceSeriesKey implements KeySelector<Rollup, String> {
    @Override
    public String getKey(Rollup rollup) {
        return MetricPoint.SeriesIds.of(rollup.service(), Rollup.ALL_INSTANCES, rollup.metric(), Map.of());
    }
}

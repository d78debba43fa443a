package io.nightwatch.jobs.metrics;

import io.nightwatch.functions.metrics.rollup.SketchedRollup;
import io.nightwatch.schemas.MetricPoint;
import io.nightwatch.schemas.Rollup;
import java.util.Map;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys an instance rollup by its service-level series: {@code service/ * /metric}. */
final class ServiceSeriesOfRollup implements KeySelector<SketchedRollup, String> {
    @Override
    public String getKey(SketchedRollup r) {
        return MetricPoint.SeriesIds.of(r.rollup().service(), Rollup.ALL_INSTANCES, r.rollup().metric(), Map.of());
    }
}

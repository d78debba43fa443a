package io.nightwatch.jobs.metrics;

import io.nightwatch.schemas.Rollup;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys a rollup by its series. */
final class RollupSeries implements KeySelector<Rollup, String> {
    @Override
    public String getKey(Rollup r) {
        return r.series();
    }
}

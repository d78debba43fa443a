package io.nightwatch.jobs.metrics;

import io.nightwatch.functions.metrics.rollup.SketchedRollup;
import io.nightwatch.schemas.Rollup;
import org.apache.flink.api.common.functions.MapFunction;

/** Drops the sketch once service-level merging is done: the stored and published rollup is the plain record. */
final class WithoutSketch implements MapFunction<SketchedRollup, Rollup> {
    @Override
    public Rollup map(SketchedRollup r) {
        return r.rollup();
    }
}

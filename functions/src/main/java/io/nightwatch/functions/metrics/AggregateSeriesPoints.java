package io.nightwatch.functions.metrics;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Incrementally aggregates the points of one series in one window. */
public final class AggregateSeriesPoints implements AggregateFunction<SeriesPoint, RollupAccumulator, RollupAccumulator> {

    @Override
    public RollupAccumulator createAccumulator() {
        return new RollupAccumulator();
    }

    @Override
    public RollupAccumulator add(SeriesPoint point, RollupAccumulator acc) {
        return acc.add(point);
    }

    @Override
    public RollupAccumulator getResult(RollupAccumulator acc) {
        return acc;
    }

    @Override
    public RollupAccumulator merge(RollupAccumulator a, RollupAccumulator b) {
        return a.merge(b);
    }
}

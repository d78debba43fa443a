package io.nightwatch.functions.metrics;

import io.nightwatch.schemas.Rollup;
import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Incrementally merges the rollups of every instance of a service (one metric) into the service's rollup. */
public final class AggregateServiceRollups implements AggregateFunction<Rollup, RollupAccumulator, RollupAccumulator> {

    @Override
    public RollupAccumulator createAccumulator() {
        return new RollupAccumulator();
    }

    @Override
    public RollupAccumulator add(Rollup rollup, RollupAccumulator acc) {
        return acc.add(rollup, Rollup.ALL_INSTANCES, Map.of());
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

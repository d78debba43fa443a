package io.nightwatch.functions.metrics;

import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.Rollup;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns a window's accumulator into a {@link Rollup}, adding only the series key and the window's start. */
public final class EmitRollup extends ProcessWindowFunction<RollupAccumulator, Rollup, String, TimeWindow> {

    private final Resolution resolution;

    public EmitRollup(Resolution resolution) {
        this.resolution = resolution;
    }

    @Override
    public void process(String series, Context ctx, Iterable<RollupAccumulator> accs, Collector<Rollup> out) {
        for (RollupAccumulator acc : accs) {
            out.collect(acc.toRollup(series, resolution, ctx.window().getStart()));
        }
    }
}

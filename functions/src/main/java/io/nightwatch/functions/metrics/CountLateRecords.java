package io.nightwatch.functions.metrics;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Counts records that arrived after their window closed (Flink counter {@code nightwatch.lateRecords}). */
public final class CountLateRecords<T> extends ProcessFunction<T, T> {

    /** Name of the counter in the {@code nightwatch} metric group. */
    public static final String COUNTER = "lateRecords";

    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(COUNTER);
    }

    @Override
    public void processElement(T value, Context ctx, Collector<T> out) {
        late.inc();
        out.collect(value);
    }
}

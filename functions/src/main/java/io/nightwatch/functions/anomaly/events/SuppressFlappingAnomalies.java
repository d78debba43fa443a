package io.nightwatch.functions.anomaly.events;

import io.nightwatch.schemas.Anomaly;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets one anomaly per series through per cool-down: an anomaly that starts within {@code coolDown} of the end of
 * the previous one on the same series is the same episode flapping, and is counted, not emitted. The state of a
 * series is dropped by a timer once its cool-down has passed.
 */
public final class SuppressFlappingAnomalies extends KeyedProcessFunction<String, Anomaly, Anomaly> {

    private final long coolDownMillis;
    private transient ValueState<Long> lastEnd;
    private transient Counter suppressed;

    public SuppressFlappingAnomalies(long coolDownMillis) {
        this.coolDownMillis = coolDownMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        lastEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("last-anomaly-end", Types.LONG));
        suppressed = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter("anomaliesSuppressed");
    }

    @Override
    public void processElement(Anomaly a, Context ctx, Collector<Anomaly> out) throws Exception {
        Long previous = lastEnd.value();
        long start = a.windowStart().toEpochMilli();
        long end = a.windowEnd().toEpochMilli();
        if (previous != null && start < previous + coolDownMillis) {
            suppressed.inc();
            lastEnd.update(Math.max(previous, end));
        } else {
            out.collect(a);
            lastEnd.update(end);
        }
        ctx.timerService().registerEventTimeTimer(lastEnd.value() + coolDownMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out) throws Exception {
        Long previous = lastEnd.value();
        if (previous != null && previous + coolDownMillis <= timestamp) {
            lastEnd.clear();
        }
    }
}

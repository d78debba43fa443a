package io.nightwatch.functions.metrics.rollup;

import com.datadoghq.sketch.ddsketch.DDSketch;
import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.Rollup;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Merges the rollups of every instance of a service (one metric, one resolution, one window) into the service's
 * rollup (instance {@code *}), quantiles included (the instances' sketches are merged, not their quantiles).
 * Emits when the watermark passes the window end; instance corrections arriving after that are counted, not applied.
 */
public final class ServiceRollupFunction extends KeyedProcessFunction<String, SketchedRollup, SketchedRollup> {

    private transient MapState<String, ServiceWindow> windows;
    private transient Counter lateInputs;

    @Override
    public void open(OpenContext openContext) {
        windows = getRuntimeContext().getMapState(new MapStateDescriptor<>("service-windows", Types.STRING,
                TypeInformation.of(ServiceWindow.class)));
        lateInputs = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter("lateServiceInputs");
    }

    @Override
    public void processElement(SketchedRollup in, Context ctx, Collector<SketchedRollup> out) throws Exception {
        Rollup r = in.rollup();
        long start = r.windowStart().toEpochMilli();
        long end = start + r.resolution().millis();
        if (end <= ctx.timerService().currentWatermark()) {
            lateInputs.inc();
            return;
        }
        String key = windowKey(r.resolution(), start);
        ServiceWindow w = windows.get(key);
        if (w == null) {
            w = new ServiceWindow();
            w.service = r.service();
            w.metric = r.metric();
            w.resolution = r.resolution().label();
            w.start = start;
            ctx.timerService().registerEventTimeTimer(end);
        }
        w.count += r.count();
        w.sum += r.sum();
        w.min = Math.min(w.min, r.min());
        w.max = Math.max(w.max, r.max());
        w.sketches.add(in.sketch());
        windows.put(key, w);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SketchedRollup> out) throws Exception {
        for (Resolution res : Resolution.values()) {
            long start = timestamp - res.millis();
            if (Math.floorMod(start, res.millis()) != 0) {
                continue;
            }
            String key = windowKey(res, start);
            ServiceWindow w = windows.get(key);
            if (w == null) {
                continue;
            }
            DDSketch sketch = Sketches.empty();
            for (byte[] part : w.sketches) {
                Sketches.mergeEncoded(sketch, part);
            }
            double[] q = Sketches.quantiles(sketch);
            Rollup r = new Rollup(ctx.getCurrentKey(), w.service, Rollup.ALL_INSTANCES, w.metric, Map.of(), res,
                    Instant.ofEpochMilli(start), w.count, w.sum, w.min, w.max, w.sum / w.count, q[0], q[1], q[2]);
            out.collect(new SketchedRollup(r, Sketches.encode(sketch)));
            windows.remove(key);
        }
    }

    private static String windowKey(Resolution res, long start) {
        return res.label() + "@" + start;
    }
}

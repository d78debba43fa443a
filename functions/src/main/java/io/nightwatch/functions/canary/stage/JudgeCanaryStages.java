package io.nightwatch.functions.canary.stage;

import io.nightwatch.functions.metrics.SeriesPoint;
import io.nightwatch.schemas.ReleaseEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per service: follows its release events in event time, keeps the points of the canary and baseline instances of
 * the stage under analysis that fall in its window, and judges the stage when the watermark passes the window's
 * end. Release events wait until the metrics' event time reaches them (a timer, or a point at or after them), so a
 * replay opens and closes windows exactly as the live run did. State: the stage, its points, pending events — all
 * cleared when the stage is judged or stopped.
 */
public final class JudgeCanaryStages extends KeyedCoProcessFunction<String, SeriesPoint, ReleaseEvent, JudgedStage> {

    /** Counter (group {@code nightwatch}) of judged stages. */
    public static final String JUDGED = "stagesJudged";
    /** Counter (group {@code nightwatch}) of points behind the watermark when they arrived. */
    public static final String LATE = "lateRecords";

    private final StageJudge judge;
    private final StageTransitions transitions;
    private transient ValueState<ActiveStage> stage;
    private transient ListState<StagePoint> points;
    private transient ListState<ReleaseEvent> pending;
    private transient Counter judged;
    private transient Counter late;

    public JudgeCanaryStages(StageJudge judge, StageTransitions transitions) {
        this.judge = judge;
        this.transitions = transitions;
    }

    @Override
    public void open(OpenContext openContext) {
        stage = getRuntimeContext().getState(new ValueStateDescriptor<>("stage", ActiveStage.class));
        points = getRuntimeContext().getListState(new ListStateDescriptor<>("points", StagePoint.class));
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending-releases", ReleaseEvent.class));
        judged = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(JUDGED);
        late = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(LATE);
    }

    @Override
    public void processElement1(SeriesPoint point, Context ctx, Collector<JudgedStage> out) throws Exception {
        if (point.ts() <= ctx.timerService().currentWatermark()) {
            late.inc();
        }
        applyPending(point.ts(), ctx);
        ActiveStage current = stage.value();
        if (current != null && judge.config().pointMetrics().contains(point.metric())
                && current.covers(point.instance(), point.ts())) {
            points.add(new StagePoint(point.instance(), point.metric(), point.ts(), point.value()));
        }
    }

    @Override
    public void processElement2(ReleaseEvent event, Context ctx, Collector<JudgedStage> out) throws Exception {
        pending.add(event);
        long at = event.at().toEpochMilli();
        if (at <= ctx.timerService().currentWatermark()) {
            applyPending(at, ctx);
        } else {
            ctx.timerService().registerEventTimeTimer(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<JudgedStage> out) throws Exception {
        applyPending(timestamp, ctx);
        ActiveStage current = stage.value();
        if (current != null && timestamp >= current.windowEnd()) {
            out.collect(judge.judge(current, points.get(), Instant.ofEpochMilli(current.windowEnd())));
            judged.inc();
            stage.clear();
            points.clear();
        }
    }

    /** Applies, in event-time order (ties in arrival order), the pending release events at or before {@code upTo}. */
    private void applyPending(long upTo, Context ctx) throws Exception {
        List<ReleaseEvent> waiting = new ArrayList<>();
        pending.get().forEach(waiting::add);
        if (waiting.isEmpty() || waiting.stream().noneMatch(e -> e.at().toEpochMilli() <= upTo)) {
            return;
        }
        waiting.sort(Comparator.comparing(ReleaseEvent::at));
        List<ReleaseEvent> later = new ArrayList<>();
        for (ReleaseEvent e : waiting) {
            if (e.at().toEpochMilli() > upTo) {
                later.add(e);
                continue;
            }
            StageTransitions.Transition t = transitions.apply(stage.value(), e);
            switch (t.action()) {
                case START -> {
                    stage.update(t.stage());
                    points.clear();
                    ctx.timerService().registerEventTimeTimer(t.stage().windowEnd());
                }
                case STOP -> {
                    stage.clear();
                    points.clear();
                }
                case KEEP -> { }
            }
        }
        pending.update(later);
    }
}

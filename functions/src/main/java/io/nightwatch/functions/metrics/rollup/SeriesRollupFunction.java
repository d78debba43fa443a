package io.nightwatch.functions.metrics.rollup;

import io.nightwatch.functions.anomaly.DetectorParams;
import io.nightwatch.functions.anomaly.Score;
import io.nightwatch.functions.anomaly.StreamingDetector;
import io.nightwatch.functions.metrics.SeriesPoint;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The per-series operator of the metrics job: one state read per point feeds the rollups of every resolution
 * ({@link SeriesRollupEngine}) and the anomaly detector ({@link StreamingDetector}). Timers fire at window ends;
 * the state is dropped once every window of a silent series has closed.
 */
public final class SeriesRollupFunction extends KeyedProcessFunction<String, SeriesPoint, SketchedRollup> {

    /** Points that arrived after their minute closed (and beyond the allowed lateness). */
    public static final OutputTag<SeriesPoint> LATE = new OutputTag<>("late-points") {};
    /** Anomaly triggers and the watched points after them. */
    public static final OutputTag<ScoredPoint> SCORES = new OutputTag<>("anomaly-candidates") {};

    private final long allowedLatenessMillis;
    private final DetectorParams detectorParams;
    private final double candidateScore;
    private final long watchMillis;
    private transient ValueState<SeriesRollupState> state;
    private transient SeriesRollupEngine engine;
    private transient StreamingDetector detector;
    private transient Counter late;
    private transient Counter corrected;

    /** How far outside the pre-trigger range (as a share of its width) a watched point must be to deviate. */
    static final double DEVIATION_MARGIN = 0.1;

    /**
     * @param detectorParams the anomaly detector's parameters; null turns detection off (rollups only)
     * @param candidateScore a point scoring at least this is a trigger
     * @param watchMillis    how long after a trigger the points are sent to the pattern, to confirm or not
     */
    public SeriesRollupFunction(long allowedLatenessMillis, DetectorParams detectorParams, double candidateScore,
            long watchMillis) {
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.detectorParams = detectorParams;
        this.candidateScore = candidateScore;
        this.watchMillis = watchMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("series", SeriesRollupState.class));
        engine = new SeriesRollupEngine(allowedLatenessMillis);
        detector = detectorParams == null ? null : new StreamingDetector(detectorParams);
        late = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter("lateRecords");
        corrected = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter("correctedRollups");
    }

    @Override
    public void processElement(SeriesPoint p, Context ctx, Collector<SketchedRollup> out) throws Exception {
        SeriesRollupState s = state.value();
        if (s == null) {
            s = SeriesRollupState.of(p.series(), p.service(), p.instance(), p.metric(), p.labels());
            s.detector = detector == null ? null : detector.newState();
        }
        switch (engine.add(s, p.ts(), p.value(), ctx.timerService().currentWatermark(), out::collect)) {
            case NEW_BUCKET -> ctx.timerService().registerEventTimeTimer(p.ts() - Math.floorMod(p.ts(), 60_000L) + 60_000L);
            case CORRECTED -> corrected.inc();
            case LATE -> {
                late.inc();
                ctx.output(LATE, p);
            }
            case ADDED -> { }
        }
        if (detector == null) {
            state.update(s);
            return;
        }
        Score score = detector.update(s.detector, p.ts(), p.value());
        if (score.score() >= candidateScore) {
            s.watchUntil = p.ts() + watchMillis;
            s.watchLow = score.low();
            s.watchHigh = score.high();
            ctx.output(SCORES, scored(p, score, true));
        } else if (p.ts() <= s.watchUntil) {
            double margin = DEVIATION_MARGIN * Math.max(s.watchHigh - s.watchLow, Math.abs(s.watchHigh) * 1e-3);
            boolean deviates = p.value() < s.watchLow - margin || p.value() > s.watchHigh + margin;
            ctx.output(SCORES, scored(p, score, deviates));
        }
        state.update(s);
    }

    private static ScoredPoint scored(SeriesPoint p, Score score, boolean deviates) {
        return new ScoredPoint(p.series(), p.service(), p.instance(), p.metric(), p.labels(), p.ts(), p.value(),
                score.score(), score.low(), score.high(), score.novelty(), score.likelihood(), score.regime(),
                score.breakout(), deviates);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SketchedRollup> out) throws Exception {
        SeriesRollupState s = state.value();
        if (s == null) {
            return;
        }
        long next = engine.close(s, ctx.timerService().currentWatermark(), out::collect);
        if (s.isIdle()) {
            state.clear();
            return;
        }
        if (next != Long.MAX_VALUE) {
            ctx.timerService().registerEventTimeTimer(next);
        }
        state.update(s);
    }
}

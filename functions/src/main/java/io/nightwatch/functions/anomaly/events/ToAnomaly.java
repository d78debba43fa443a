package io.nightwatch.functions.anomaly.events;

import io.nightwatch.functions.metrics.rollup.ScoredPoint;
import io.nightwatch.schemas.Anomaly;
import io.nightwatch.schemas.AnomalyEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;

/** Builds the {@link Anomaly} of a match: the window it spans, the peak score, and the evidence of its points. */
public final class ToAnomaly extends PatternProcessFunction<ScoredPoint, Anomaly> {

    /** The detector name written on every anomaly. */
    public static final String DETECTOR = "nightwatch-streaming-v1";
    private final double threshold;

    public ToAnomaly(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public void processMatch(Map<String, List<ScoredPoint>> match, Context ctx, Collector<Anomaly> out) {
        List<ScoredPoint> points = new ArrayList<>(match.get("trigger"));
        points.addAll(match.getOrDefault("persist", List.of()));
        out.collect(of(points, threshold));
    }

    /** The anomaly of a trigger and the points that confirmed it (in time order); the trigger holds the evidence. */
    public static Anomaly of(List<ScoredPoint> points, double threshold) {
        ScoredPoint first = points.get(0);
        ScoredPoint last = points.get(points.size() - 1);
        ScoredPoint peak = first;
        List<Double> values = new ArrayList<>();
        for (ScoredPoint p : points) {
            values.add(p.value());
        }
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("novelty", peak.novelty());
        parts.put("likelihood", peak.likelihood());
        parts.put("regime", peak.regime());
        parts.put("breakout", peak.breakout() ? 1.0 : 0.0);
        Instant start = Instant.ofEpochMilli(first.ts());
        return new Anomaly(first.series() + "@" + start, first.series(), first.service(), first.instance(), first.metric(),
                first.labels(), start, Instant.ofEpochMilli(last.ts()), peak.score(), threshold, DETECTOR,
                new AnomalyEvidence(values, peak.expectedLow(), peak.expectedHigh(), parts));
    }
}

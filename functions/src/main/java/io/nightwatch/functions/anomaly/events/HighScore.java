package io.nightwatch.functions.anomaly.events;

import io.nightwatch.functions.metrics.rollup.ScoredPoint;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/** A candidate point whose evidence is at or above the anomaly threshold. */
public final class HighScore extends SimpleCondition<ScoredPoint> {

    private final double threshold;

    public HighScore(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public boolean filter(ScoredPoint p) {
        return p.score() >= threshold;
    }
}

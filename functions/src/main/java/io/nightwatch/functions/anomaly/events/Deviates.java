package io.nightwatch.functions.anomaly.events;

import io.nightwatch.functions.metrics.rollup.ScoredPoint;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/** A watched point that stays outside the range expected before the trigger. */
public final class Deviates extends SimpleCondition<ScoredPoint> {
    @Override
    public boolean filter(ScoredPoint p) {
        return p.deviates();
    }
}

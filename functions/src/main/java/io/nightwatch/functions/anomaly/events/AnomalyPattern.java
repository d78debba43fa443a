package io.nightwatch.functions.anomaly.events;

import io.nightwatch.functions.metrics.rollup.ScoredPoint;
import java.time.Duration;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;

/**
 * The CEP pattern that turns scores into an anomaly: a trigger (a point scoring at least the threshold) followed,
 * within {@code within}, by {@code count - 1} points that stay outside the range expected before the trigger. A
 * lone spike or a noisy blip does not make an anomaly; a deviation that persists does. After a match its events are
 * skipped, so one episode makes one match.
 */
public final class AnomalyPattern {

    private AnomalyPattern() {}

    public static Pattern<ScoredPoint, ScoredPoint> of(double threshold, int count, Duration within) {
        Pattern<ScoredPoint, ScoredPoint> trigger =
                Pattern.<ScoredPoint>begin("trigger", AfterMatchSkipStrategy.skipPastLastEvent()).where(new HighScore(threshold));
        if (count <= 1) {
            return trigger.within(within);
        }
        return trigger.followedBy("persist").where(new Deviates()).times(count - 1).within(within);
    }
}

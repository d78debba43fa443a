package io.nightwatch.functions.canary.suspect;

import java.time.Duration;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/**
 * The CEP pattern "an instance's version changes, then it raises an alert within N minutes" (per instance). It
 * runs in processing time (alerts and release events are too sparse for event-time watermarks); the alert's own
 * time is checked against the change's, so a replay matches what the live run matched.
 */
public final class SuspectPattern {

    /** Name of the version-change step. */
    public static final String CHANGE = "change";
    /** Name of the alert step. */
    public static final String ALERT = "alert";

    private SuspectPattern() {}

    /** The pattern; partial matches live N plus {@code slack} of processing time. */
    public static Pattern<InstanceSignal, InstanceSignal> within(Duration n, Duration slack) {
        return Pattern.<InstanceSignal>begin(CHANGE, AfterMatchSkipStrategy.skipPastLastEvent())
                .where(new IsVersionChange())
                .followedBy(ALERT).where(new AlertSoonAfterChange(n.toMillis()))
                .within(n.plus(slack));
    }

    /** The first step: a version change. */
    public static final class IsVersionChange extends SimpleCondition<InstanceSignal> {
        @Override
        public boolean filter(InstanceSignal s) {
            return s.isVersionChange();
        }
    }

    /** The second step: an alert that started at most N after the change (and not before it). */
    public static final class AlertSoonAfterChange extends IterativeCondition<InstanceSignal> {

        private final long withinMillis;

        public AlertSoonAfterChange(long withinMillis) {
            this.withinMillis = withinMillis;
        }

        @Override
        public boolean filter(InstanceSignal s, Context<InstanceSignal> ctx) throws Exception {
            if (!s.isAlert()) {
                return false;
            }
            for (InstanceSignal change : ctx.getEventsForPattern(CHANGE)) {
                long gap = s.at() - change.at();
                if (gap >= 0 && gap <= withinMillis) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Signals are matched per instance of a service. */
    public static final class ByInstance implements KeySelector<InstanceSignal, String> {
        @Override
        public String getKey(InstanceSignal s) {
            return s.service() + "/" + s.instance();
        }
    }
}

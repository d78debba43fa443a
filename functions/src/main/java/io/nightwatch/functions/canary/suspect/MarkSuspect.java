package io.nightwatch.functions.canary.suspect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/** Turns a match of the suspect pattern into a suspicion of the release that changed the instance. */
public final class MarkSuspect extends PatternProcessFunction<InstanceSignal, Suspicion> {

    /** Counter (group {@code nightwatch}) of suspicions raised. */
    public static final String COUNTER = "suspicions";

    private transient Counter suspicions;

    @Override
    public void open(OpenContext openContext) {
        suspicions = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(COUNTER);
    }

    @Override
    public void processMatch(Map<String, List<InstanceSignal>> match, Context ctx, Collector<Suspicion> out) {
        InstanceSignal alert = match.get(SuspectPattern.ALERT).get(0);
        List<InstanceSignal> changes = match.get(SuspectPattern.CHANGE);
        InstanceSignal change = changes.get(changes.size() - 1);
        out.collect(of(change, alert));
        suspicions.inc();
    }

    /** The suspicion of a change and the alert that followed it. */
    public static Suspicion of(InstanceSignal change, InstanceSignal alert) {
        Duration gap = Duration.ofMillis(alert.at() - change.at());
        String reason = String.format(java.util.Locale.ROOT, "%s raised %s (%s) %dm%02ds after release %s changed it to %s",
                alert.instance(), alert.alertName(), alert.severity() == null ? "no severity" : alert.severity(),
                gap.toMinutes(), gap.toSecondsPart(), change.release(), change.version());
        return new Suspicion(change.release(), change.service(), change.instance(), change.version(),
                Instant.ofEpochMilli(change.at()), alert.alertName(), alert.fingerprint(), alert.severity(),
                Instant.ofEpochMilli(alert.at()), reason);
    }
}

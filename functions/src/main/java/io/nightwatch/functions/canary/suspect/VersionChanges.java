package io.nightwatch.functions.canary.suspect;

import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** A started stage changes the version of its new canary instances: one signal per instance. */
public final class VersionChanges implements FlatMapFunction<ReleaseEvent, InstanceSignal> {
    @Override
    public void flatMap(ReleaseEvent e, Collector<InstanceSignal> out) {
        if (e.status() != ReleaseStatus.STAGE_STARTED) {
            return;
        }
        for (String instance : e.canaryInstances()) {
            out.collect(InstanceSignal.versionChange(e.service(), instance, e.at().toEpochMilli(), e.release(),
                    e.version()));
        }
    }
}

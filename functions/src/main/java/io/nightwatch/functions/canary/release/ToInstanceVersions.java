package io.nightwatch.functions.canary.release;

import io.nightwatch.schemas.ReleaseEvent;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** A release event's instance versions, for the {@code instances} projection. */
public final class ToInstanceVersions implements FlatMapFunction<ReleaseEvent, InstanceVersion> {
    @Override
    public void flatMap(ReleaseEvent event, Collector<InstanceVersion> out) {
        InstanceVersions.of(event).forEach(out::collect);
    }
}

package io.nightwatch.functions.metrics;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/** Event time of a metric point: its own {@code ts}. */
public final class PointTimestamp implements SerializableTimestampAssigner<SeriesPoint> {
    @Override
    public long extractTimestamp(SeriesPoint point, long recordTimestamp) {
        return point.ts();
    }
}

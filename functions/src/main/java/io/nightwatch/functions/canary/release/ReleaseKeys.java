package io.nightwatch.functions.canary.release;

import io.nightwatch.functions.metrics.SeriesPoint;
import io.nightwatch.schemas.ReleaseEvent;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.java.functions.KeySelector;

/** Key selectors and the event-time assigner of the release stream. */
public final class ReleaseKeys {

    private ReleaseKeys() {}

    /** A release event's service (the canary judge is keyed by service). */
    public static final class EventService implements KeySelector<ReleaseEvent, String> {
        @Override
        public String getKey(ReleaseEvent e) {
            return e.service();
        }
    }

    /** A metric point's service. */
    public static final class PointService implements KeySelector<SeriesPoint, String> {
        @Override
        public String getKey(SeriesPoint p) {
            return p.service();
        }
    }

    /** A release event's release (the projection keeps one release's events in order). */
    public static final class EventRelease implements KeySelector<ReleaseEvent, String> {
        @Override
        public String getKey(ReleaseEvent e) {
            return e.release();
        }
    }

    /** Event time of a release event: its {@code at}. */
    public static final class EventTime implements SerializableTimestampAssigner<ReleaseEvent> {
        @Override
        public long extractTimestamp(ReleaseEvent e, long recordTimestamp) {
            return e.at().toEpochMilli();
        }
    }
}

package io.nightwatch.functions.incidents.flink;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Watermarks in ingest time (the Kafka record timestamp the intake set) for one partition: the newest timestamp
 * minus {@code outOfOrderness} while records flow; once the partition has been quiet for {@code idleAfter} of wall
 * time, event time follows the wall clock (now minus {@code idleAfter} and the bound), so groups still flush when
 * no alert arrives — as Alertmanager's wall-clock timers do. A partition that has delivered no record within
 * {@code startupGrace} of the start counts as quiet from then on (its event time follows the wall clock, so it holds
 * nothing back); until then it holds event time at its start, so a backlog that is slow to arrive after a restart is
 * not overtaken by another source's watermark. (Marking it idle instead would freeze event time after a restore in
 * which no partition delivers a record: the restored groups and holds would wait for the next alert.) A backlog
 * being replayed is never quiet, so it keeps its own timeline.
 */
public final class IngestTimeWatermarks<T> implements WatermarkGenerator<T> {

    private final long outOfOrderness;
    private final long idleAfter;
    private final WallClock clock;
    private final long startupGrace;
    private final long startedAt;
    private long maxTimestamp = Long.MIN_VALUE;
    private long lastEventWall = -1;
    private long emitted = Long.MIN_VALUE;

    public IngestTimeWatermarks(long outOfOrdernessMs, long idleAfterMs, WallClock clock) {
        this.outOfOrderness = outOfOrdernessMs;
        this.idleAfter = idleAfterMs;
        this.clock = clock;
        this.startupGrace = Math.max(idleAfterMs, STARTUP_GRACE_MS);
        this.startedAt = clock.now();
    }

    /** The least time a partition may stay silent after the start before it counts as idle. */
    public static final long STARTUP_GRACE_MS = 10_000;

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp > maxTimestamp) {
            maxTimestamp = eventTimestamp;
        }
        lastEventWall = clock.now();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.now();
        long wm;
        if (lastEventWall < 0) {
            if (now - startedAt < startupGrace) {
                return;
            }
            wm = now - idleAfter - outOfOrderness;
        } else {
            wm = maxTimestamp - outOfOrderness - 1;
        }
        if (lastEventWall >= 0 && now - lastEventWall >= idleAfter) {
            wm = Math.max(wm, now - idleAfter - outOfOrderness);
        }
        if (wm > emitted) {
            emitted = wm;
            output.emitWatermark(new Watermark(wm));
        }
    }
}

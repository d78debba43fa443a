package io.nightwatch.functions.incidents.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class IngestTimeWatermarksTest {

    private long now = 1_000_000;
    private final List<Long> emitted = new ArrayList<>();
    private boolean idle;
    private final WatermarkOutput out = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    };

    @Test
    void holdsEventTimeAtFirstThenASilentPartitionFollowsTheWallClockAfterTheGrace() {
        IngestTimeWatermarks<String> g = new IngestTimeWatermarks<>(1000, 2000, () -> now);
        g.onPeriodicEmit(out);
        assertThat(idle).isFalse();
        assertThat(emitted).isEmpty();
        now += IngestTimeWatermarks.STARTUP_GRACE_MS;
        g.onPeriodicEmit(out);
        assertThat(idle).isFalse();
        assertThat(emitted).containsExactly(now - 3000);
        now += 5000;
        g.onPeriodicEmit(out);
        assertThat(emitted).containsExactly(now - 5000 - 3000, now - 3000);
    }

    @Test
    void trailsTheNewestTimestampWhileRecordsFlow() {
        IngestTimeWatermarks<String> g = new IngestTimeWatermarks<>(1000, 2000, () -> now);
        g.onEvent("a", 500_000, out);
        g.onPeriodicEmit(out);
        assertThat(emitted).containsExactly(499_000L - 1);
    }

    @Test
    void followsTheWallClockOnceThePartitionIsQuiet() {
        IngestTimeWatermarks<String> g = new IngestTimeWatermarks<>(1000, 2000, () -> now);
        g.onEvent("a", now, out);
        now += 1999;
        g.onPeriodicEmit(out);
        assertThat(emitted).containsExactly(1_000_000L - 1001);
        now += 1;
        g.onPeriodicEmit(out);
        assertThat(emitted).last().isEqualTo(now - 3000);
        now += 10_000;
        g.onPeriodicEmit(out);
        assertThat(emitted).last().isEqualTo(now - 3000);
    }
}

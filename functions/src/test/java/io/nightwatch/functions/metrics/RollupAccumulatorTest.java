package io.nightwatch.functions.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.Rollup;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupAccumulatorTest {

    private static final long MINUTE_START = Instant.parse("2026-11-22T05:40:00Z").toEpochMilli();

    private static SeriesPoint point(String instance, double value) {
        return new SeriesPoint("checkout/" + instance + "/latency_ms", "checkout", instance, "latency_ms", Map.of(),
                MINUTE_START, value);
    }

    @Test
    void aggregatesCountSumMinMaxAndAvg() {
        RollupAccumulator acc = new RollupAccumulator().add(point("i1", 10)).add(point("i1", 30)).add(point("i1", 20));
        Rollup r = acc.toRollup("checkout/i1/latency_ms", Resolution.M1, MINUTE_START);
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.sum()).isEqualTo(60.0);
        assertThat(r.min()).isEqualTo(10.0);
        assertThat(r.max()).isEqualTo(30.0);
        assertThat(r.avg()).isEqualTo(20.0);
        assertThat(r.windowStart()).isEqualTo(Instant.ofEpochMilli(MINUTE_START));
        assertThat(r.instance()).isEqualTo("i1");
    }

    @Test
    void mergingInstanceRollupsGivesTheServiceRollup() {
        Rollup i1 = new RollupAccumulator().add(point("i1", 10)).add(point("i1", 30)).toRollup("s1", Resolution.M1, MINUTE_START);
        Rollup i2 = new RollupAccumulator().add(point("i2", 50)).toRollup("s2", Resolution.M1, MINUTE_START);
        RollupAccumulator service = new RollupAccumulator().add(i1, Rollup.ALL_INSTANCES, Map.of());
        service.merge(new RollupAccumulator().add(i2, Rollup.ALL_INSTANCES, Map.of()));
        Rollup r = service.toRollup("checkout/*/latency_ms", Resolution.M1, MINUTE_START);
        assertThat(r.instance()).isEqualTo("*");
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.min()).isEqualTo(10.0);
        assertThat(r.max()).isEqualTo(50.0);
        assertThat(r.avg()).isEqualTo(30.0);
    }
}

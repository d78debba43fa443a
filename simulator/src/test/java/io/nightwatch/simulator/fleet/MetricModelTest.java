package io.nightwatch.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricModelTest {

    private static final long NOON = Instant.parse("2026-11-22T12:00:00Z").toEpochMilli();
    private static final long THREE_AM = Instant.parse("2026-11-22T03:00:00Z").toEpochMilli();
    private final SimulatedInstance checkout1 = Fleet.demo().instances().get(0);

    @Test
    void sameInstanceMetricAndTimeGiveTheSameValue() {
        assertThat(MetricModel.value(checkout1, "latency_ms", NOON)).isEqualTo(MetricModel.value(checkout1, "latency_ms", NOON));
    }

    @Test
    void trafficPeaksInTheAfternoonAndDipsAtNight() {
        double day = 0;
        double night = 0;
        for (int i = 0; i < 60; i++) {
            day += MetricModel.value(checkout1, "qps", NOON + i * 5000L);
            night += MetricModel.value(checkout1, "qps", THREE_AM + i * 5000L);
        }
        assertThat(day).isGreaterThan(night * 1.4);
    }

    @Test
    void slowerVersionRaisesLatency() {
        SimulatedInstance slow = checkout1.withVersion("1.5.0", new Behaviour(1.5, 0, 1, 0), NOON);
        assertThat(MetricModel.value(slow, "latency_ms", NOON)).isCloseTo(
                1.5 * MetricModel.value(checkout1, "latency_ms", NOON), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void valuesStayInTheirRanges() {
        for (int i = 0; i < 2000; i++) {
            long t = NOON + i * 5000L;
            assertThat(MetricModel.value(checkout1, "cpu", t)).isBetween(0.5, 100.0);
            assertThat(MetricModel.value(checkout1, "error_rate", t)).isBetween(0.0, 1.0);
            assertThat(MetricModel.value(checkout1, "latency_ms", t)).isPositive();
        }
    }
}

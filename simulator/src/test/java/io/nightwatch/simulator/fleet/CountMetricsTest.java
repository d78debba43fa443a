package io.nightwatch.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The request and error counts the canary judge's rate test compares. */
class CountMetricsTest {

    private static final long NOON = Instant.parse("2026-11-22T12:00:00Z").toEpochMilli();
    private final SimulatedInstance search1 = Fleet.demo().instances().stream()
            .filter(i -> i.name().equals("search-1")).findFirst().orElseThrow();

    @Test
    void requestsAreWholeCountsOfTheSamplePeriodAtTheInstancesQps() {
        double requests = MetricModel.value(search1, "requests", NOON);
        assertThat(requests).isEqualTo(Math.rint(MetricModel.value(search1, "qps", NOON) * MetricModel.SAMPLE_SECONDS));
        assertThat(requests % 1).isZero();
    }

    @Test
    void errorsFollowTheVersionsErrorProbabilityAndNeverExceedTheRequests() {
        double requests = 0;
        double healthyErrors = 0;
        double faultyErrors = 0;
        SimulatedInstance faulty = search1.withVersion("5.2.0", new Behaviour(1, 0.002, 1, 0), NOON);
        for (int i = 0; i < 2000; i++) {
            long t = NOON + i * 5000L;
            requests += MetricModel.value(search1, "requests", t);
            double e = MetricModel.value(search1, "errors", t);
            assertThat(e).isBetween(0.0, MetricModel.value(search1, "requests", t));
            healthyErrors += e;
            faultyErrors += MetricModel.value(faulty, "errors", t);
        }
        assertThat(healthyErrors / requests).isBetween(0.0008, 0.0012); // search's 0.1%
        assertThat(faultyErrors / requests).isBetween(0.0027, 0.0033); // + 0.2 points
        assertThat(MetricModel.value(search1, "errors", NOON)).isEqualTo(MetricModel.value(search1, "errors", NOON));
    }
}

package io.nightwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesIdTest {

    @Test
    void seriesIdSortsLabelsByName() {
        MetricPoint point = new MetricPoint(Instant.EPOCH, "checkout", "checkout-1", "latency_ms", 1.0,
                Map.of("region", "eu", "endpoint", "/cart"));
        assertThat(point.seriesId()).isEqualTo("checkout/checkout-1/latency_ms{endpoint=/cart,region=eu}");
    }

    @Test
    void seriesIdWithoutLabelsHasNoBraces() {
        MetricPoint point = new MetricPoint(Instant.EPOCH, "checkout", "checkout-1", "cpu", 1.0, null);
        assertThat(point.seriesId()).isEqualTo("checkout/checkout-1/cpu");
        assertThat(point.labels()).isEmpty();
    }
}

package io.nightwatch.functions.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightwatch.functions.incidents.model.AlertInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnomalyAlertsTest {

    private static final long RECEIVED = Instant.parse("2026-11-22T05:41:00Z").toEpochMilli();
    private final AnomalyAlerts anomalies = new AnomalyAlerts(AlertLimits.defaults(), Duration.ofMinutes(5));

    @Test
    void turnsAnAnomalyIntoAWarningAlertAboutItsSeries() throws Exception {
        AlertInstance a = anomalies.parse("""
                {"anomalyId":"an-1","series":"checkout/checkout-1/latency_ms{zone=a}","service":"checkout",
                 "instance":"checkout-1","metric":"latency_ms","labels":{"zone":"a"},
                 "windowStart":"2026-11-22T05:35:00Z","windowEnd":"2026-11-22T05:40:00Z","score":0.97,"threshold":0.8,
                 "detector":"streaming","evidence":null}""".getBytes(StandardCharsets.UTF_8), RECEIVED);
        assertThat(a.labels()).containsEntry("alertname", "AnomalyDetected").containsEntry("service", "checkout")
                .containsEntry("instance", "checkout-1").containsEntry("metric", "latency_ms").containsEntry("zone", "a")
                .containsEntry("detector", "streaming").containsEntry("severity", "warning");
        assertThat(a.startsAt()).isEqualTo(Instant.parse("2026-11-22T05:35:00Z").toEpochMilli());
        assertThat(a.endsAt()).isEqualTo(RECEIVED + Duration.ofMinutes(5).toMillis());
        assertThat(a.timeout()).isTrue();
        assertThat(a.source()).isEqualTo("nightwatch-anomaly");
        assertThat(a.annotations().get("summary"))
                .isEqualTo("Anomalous latency_ms on checkout-1 (score 0.970, threshold 0.800, detector streaming)");
    }

    @Test
    void refusesAnAnomalyWithoutService() {
        assertThatThrownBy(() -> anomalies.parse("{\"metric\":\"x\",\"windowStart\":\"2026-11-22T05:35:00Z\"}"
                .getBytes(StandardCharsets.UTF_8), RECEIVED)).hasMessage("missing field 'service'");
    }
}

package io.nightwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertFingerprintTest {

    private static final Map<String, String> CHECKOUT_LATENCY = Map.of(
            "alertname", "HighLatency", "service", "checkout", "instance", "checkout-1", "severity", "critical");

    @Test
    void sameLabelsInAnyOrderGiveTheSameFingerprint() {
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("severity", "critical");
        reordered.put("instance", "checkout-1");
        reordered.put("service", "checkout");
        reordered.put("alertname", "HighLatency");
        assertThat(Alert.fingerprintOf(reordered)).isEqualTo(Alert.fingerprintOf(CHECKOUT_LATENCY));
    }

    @Test
    void fingerprintIsPinnedForDownstreamConsumers() {
        assertThat(Alert.fingerprintOf(CHECKOUT_LATENCY)).isEqualTo("ba098e17b82a9042");
    }

    @Test
    void labelBoundariesCannotCollide() {
        assertThat(Alert.fingerprintOf(Map.of("a", "bc")))
                .isNotEqualTo(Alert.fingerprintOf(Map.of("ab", "c")));
    }

    @Test
    void missingFingerprintIsDerivedFromLabels() {
        Alert alert = new Alert(null, "test", "HighLatency", "critical", AlertStatus.FIRING,
                CHECKOUT_LATENCY, null, java.time.Instant.EPOCH, null, null);
        assertThat(alert.fingerprint()).isEqualTo(Alert.fingerprintOf(CHECKOUT_LATENCY));
    }
}

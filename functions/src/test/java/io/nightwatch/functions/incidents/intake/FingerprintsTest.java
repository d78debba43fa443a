package io.nightwatch.functions.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.Alert;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void equalsTheSchemasFingerprintForAnyLabelSet() {
        Random rnd = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Map<String, String> labels = new HashMap<>();
            int n = 1 + rnd.nextInt(10);
            for (int j = 0; j < n; j++) {
                labels.put("l" + rnd.nextInt(30), "v" + rnd.nextInt(1000) + (rnd.nextBoolean() ? "é\"\\" : ""));
            }
            assertThat(Fingerprints.of(labels)).isEqualTo(Alert.fingerprintOf(labels));
        }
    }
}

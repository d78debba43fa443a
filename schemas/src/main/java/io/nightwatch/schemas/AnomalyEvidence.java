package io.nightwatch.schemas;

import java.util.List;
import java.util.Map;

/** Why a detector called a window anomalous: the recent values, the range it expected, and its parts' scores. */
public record AnomalyEvidence(List<Double> values, double expectedLow, double expectedHigh, Map<String, Double> parts) {

    public AnomalyEvidence {
        values = values == null ? List.of() : values;
        parts = parts == null ? Map.of() : parts;
    }
}

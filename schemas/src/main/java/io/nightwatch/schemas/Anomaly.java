package io.nightwatch.schemas;

import java.time.Instant;
import java.util.Map;

/**
 * A persistent anomaly on one series (topic {@code nw.anomalies}, key: series id). {@code score} is the peak
 * detector score in [0,1]; the anomaly was raised because it stayed at or above {@code threshold}, so
 * {@code score / threshold > 1} reads as DESIGN.md's "score above 1 is anomalous".
 */
public record Anomaly(
        String anomalyId,
        String series,
        String service,
        String instance,
        String metric,
        Map<String, String> labels,
        Instant windowStart,
        Instant windowEnd,
        double score,
        double threshold,
        String detector,
        AnomalyEvidence evidence) {

    public Anomaly {
        labels = labels == null ? Map.of() : labels;
    }
}

package io.nightwatch.schemas;

import java.time.Instant;
import java.util.Map;

/**
 * Aggregate of one series (or of a whole service, instance {@code *}) over one window of one resolution
 * (topic {@code nw.rollups}, table {@code metric_rollups}). Quantiles are null when not computed.
 */
public record Rollup(
        String series,
        String service,
        String instance,
        String metric,
        Map<String, String> labels,
        Resolution resolution,
        Instant windowStart,
        long count,
        double sum,
        double min,
        double max,
        double avg,
        Double p50,
        Double p90,
        Double p99) {

    /** The instance name used for service-level rollups (all instances together). */
    public static final String ALL_INSTANCES = "*";

    public Rollup {
        labels = labels == null ? Map.of() : labels;
    }

    /** End of the window (exclusive). */
    public Instant windowEnd() {
        return windowStart.plusSeconds(resolution.seconds());
    }
}

package io.nightwatch.schemas;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** One sample of one metric of one service instance (topic {@code nw.metrics}, key: series id). */
public record MetricPoint(
        Instant ts, String service, String instance, String metric, double value, Map<String, String> labels) {

    public MetricPoint {
        labels = labels == null ? Map.of() : labels;
    }

    /** The series id: {@code service/instance/metric} plus labels sorted by name, e.g. {@code a/i1/cpu{zone=x}}. */
    public String seriesId() {
        return SeriesIds.of(service, instance, metric, labels);
    }

    /** Helpers that build series ids the same way everywhere. */
    public static final class SeriesIds {
        private SeriesIds() {}

        /** The canonical series id for these parts. */
        public static String of(String service, String instance, String metric, Map<String, String> labels) {
            StringBuilder sb = new StringBuilder(64)
                    .append(service).append('/').append(instance).append('/').append(metric);
            if (labels != null && !labels.isEmpty()) {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    sb.append(e.getKey()).append('=').append(e.getValue());
                    first = false;
                }
                sb.append('}');
            }
            return sb.toString();
        }
    }
}

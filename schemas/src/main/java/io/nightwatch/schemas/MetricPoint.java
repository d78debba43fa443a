package io.nightwatch.schemas;

import java.time.Instant;
import java.util.Map;

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
                String[] keys = labels.keySet().toArray(new String[0]);
                for (int i = 1; i < keys.length; i++) { // insertion sort: label sets are small
                    String k = keys[i];
                    int j = i - 1;
                    while (j >= 0 && keys[j].compareTo(k) > 0) {
                        keys[j + 1] = keys[j];
                        j--;
                    }
                    keys[j + 1] = k;
                }
                sb.append('{');
                for (int i = 0; i < keys.length; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append(keys[i]).append('=').append(labels.get(keys[i]));
                }
                sb.append('}');
            }
            return sb.toString();
        }
    }
}

package io.nightwatch.functions.incidents.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How incidents are ranked when many are ready at once: by the value of {@code label} (default {@code severity}) in
 * the order of {@code order} (first = handled first); unknown values after known ones. Incidents ready within
 * {@code batchDelay} of each other (at most {@code batchSize}) are released in that order.
 */
public record PrioritySettings(String label, List<String> order, int batchSize, Duration batchDelay) implements Serializable {

    public static final PrioritySettings DEFAULT = new PrioritySettings("severity",
            List.of("critical", "page", "error", "high", "warning", "medium", "info", "low"), 1000, Duration.ofMillis(200));

    public PrioritySettings {
        order = order.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /** The rank of a label set: 0 is the most urgent; a missing or unknown value ranks after every known one. */
    public int rankOf(Map<String, String> labels) {
        return rankOfValue(labels.get(label));
    }

    /** The rank of one severity value. */
    public int rankOfValue(String value) {
        if (value == null) {
            return order.size() + 1;
        }
        int i = order.indexOf(value.toLowerCase(Locale.ROOT));
        return i < 0 ? order.size() : i;
    }
}

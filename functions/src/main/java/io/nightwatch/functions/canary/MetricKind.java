package io.nightwatch.functions.canary;

import java.util.Locale;

/** What a metric's samples are: levels (latency, CPU) or event counts per interval (errors, 5xx). */
public enum MetricKind {
    /** A level sampled per interval; compared with the rank-sum interval test (plus spread, when enhanced). */
    GAUGE,
    /** Events per interval with an exposure (requests); compared by rate when enhanced. */
    COUNT;

    /** Parses "gauge" or "count" (case-insensitive). */
    public static MetricKind parse(String text) {
        return switch (text == null ? "gauge" : text.trim().toLowerCase(Locale.ROOT)) {
            case "gauge" -> GAUGE;
            case "count", "counter" -> COUNT;
            default -> throw new IllegalArgumentException("kind must be gauge or count: " + text);
        };
    }
}

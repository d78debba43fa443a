package io.nightwatch.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Locale;

/** A rollup resolution; each coarse one is a whole multiple of the finer ones. */
public enum Resolution {
    M1("1m", 60),
    M5("5m", 300),
    M15("15m", 900),
    H1("1h", 3600),
    D1("1d", 86400);

    private final String label;
    private final long seconds;

    Resolution(String label, long seconds) {
        this.label = label;
        this.seconds = seconds;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public long seconds() {
        return seconds;
    }

    public long millis() {
        return seconds * 1000L;
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    /** Parses {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}, {@code 1d} (or the constant name). */
    @JsonCreator
    public static Resolution parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("resolution is missing; expected one of 1m, 5m, 15m, 1h, 1d");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Resolution r : values()) {
            if (r.label.equals(t) || r.name().toLowerCase(Locale.ROOT).equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown resolution '" + text + "'; expected one of 1m, 5m, 15m, 1h, 1d");
    }

    @Override
    public String toString() {
        return label;
    }
}

package io.nightwatch.functions.guard;

import java.io.Serializable;
import java.time.Duration;

/** At most {@code max} commands within any sliding {@code window}. */
public record RateLimit(int max, Duration window) implements Serializable {

    public RateLimit {
        if (max < 0 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs max >= 0 and a positive window, got " + max + " per " + window);
        }
    }

    /** {@code max} per {@code minutes} minutes. */
    public static RateLimit of(int max, long minutes) {
        return new RateLimit(max, Duration.ofMinutes(minutes));
    }

    @Override
    public String toString() {
        return max + " per " + window.toMinutes() + " min";
    }
}

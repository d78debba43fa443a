package io.nightwatch.simulator.release;

import io.nightwatch.simulator.fleet.Behaviour;
import java.util.Locale;

/**
 * The faults a new version can be given (or an instance injected with), each with the meaning of its size and a
 * default size.
 */
public enum FaultKind {
    /** A healthy version: behaves exactly like the old one. */
    HEALTHY("none", 0),
    /** Latency higher by {@code size} percent. */
    LATENCY("percent of added latency", 50),
    /** Error probability higher by {@code size} (a fraction of requests: 0.05 = 5 points). */
    ERRORS("added error probability", 0.05),
    /** Same level, noise {@code size} times wider (variance-only regression). */
    VARIANCE("spread factor", 3),
    /** A few 5xx among thousands of requests: error probability higher by a small {@code size}. */
    SPARSE_ERRORS("added error probability", 0.002),
    /** Latency and CPU growing by {@code size} (a fraction) per hour since the version started. */
    SLOW_LEAK("growth per hour", 3.0);

    private final String sizeMeaning;
    private final double defaultSize;

    FaultKind(String sizeMeaning, double defaultSize) {
        this.sizeMeaning = sizeMeaning;
        this.defaultSize = defaultSize;
    }

    public String sizeMeaning() {
        return sizeMeaning;
    }

    public double defaultSize() {
        return defaultSize;
    }

    /** The behaviour of a version with this fault of this size. */
    public Behaviour behaviour(double size) {
        return switch (this) {
            case HEALTHY -> Behaviour.HEALTHY;
            case LATENCY -> new Behaviour(1 + size / 100.0, 0, 1, 0);
            case ERRORS, SPARSE_ERRORS -> new Behaviour(1, size, 1, 0);
            case VARIANCE -> new Behaviour(1, 0, size, 0);
            case SLOW_LEAK -> new Behaviour(1, 0, 1, size);
        };
    }

    /** Whether {@code size} makes sense for this kind. */
    boolean accepts(double size) {
        return switch (this) {
            case HEALTHY -> true;
            case LATENCY -> size > -100 && size <= 10_000;
            case ERRORS, SPARSE_ERRORS -> size >= 0 && size <= 1;
            case VARIANCE -> size > 0 && size <= 100;
            case SLOW_LEAK -> size >= 0 && size <= 1_000;
        };
    }

    /** Parses a kind: healthy, latency, errors, variance, sparse-errors, slow-leak (case-insensitive, - or _). */
    public static FaultKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ReleaseRejected("fault.kind must be one of healthy, latency, errors, variance, sparse-errors, "
                    + "slow-leak; got '" + text + "'");
        }
    }

    /** The spelling used on the wire (lower case, dashes). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

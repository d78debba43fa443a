package io.nightwatch.simulator.release;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How risky a release is, which sets its generated gray strategy: the share of instances each stage reaches, the
 * default analysis window, and the pass/marginal thresholds of the canary score.
 */
public enum Risk {
    /** Canary on one instance, then half, then all; 5-minute windows; pass 70, marginal 50. */
    LOW(List.of(0.5), Duration.ofMinutes(5), 70, 50),
    /** One instance → 10% → 50% → 100%; 10-minute windows; pass 75, marginal 50 (Kayenta's usual thresholds). */
    MEDIUM(List.of(0.1, 0.5), Duration.ofMinutes(10), 75, 50),
    /** One instance → 5% → 10% → 25% → 50% → 100%; 20-minute windows; pass 90, marginal 70. */
    HIGH(List.of(0.05, 0.1, 0.25, 0.5), Duration.ofMinutes(20), 90, 70);

    private final List<Double> shares;
    private final Duration window;
    private final double passThreshold;
    private final double marginalThreshold;

    Risk(List<Double> shares, Duration window, double passThreshold, double marginalThreshold) {
        this.shares = shares;
        this.window = window;
        this.passThreshold = passThreshold;
        this.marginalThreshold = marginalThreshold;
    }

    /** Shares of the fleet between the first (one-instance) stage and the last (100%) stage. */
    public List<Double> intermediateShares() {
        return shares;
    }

    public Duration defaultWindow() {
        return window;
    }

    public double passThreshold() {
        return passThreshold;
    }

    public double marginalThreshold() {
        return marginalThreshold;
    }

    /** Parses low, medium or high (case-insensitive). */
    public static Risk parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ReleaseRejected("risk must be low, medium or high, got '" + text + "'");
        }
    }
}

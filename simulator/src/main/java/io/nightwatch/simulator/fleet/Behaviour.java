package io.nightwatch.simulator.fleet;

/**
 * How a version changes an instance's metrics: latency multiplier, added error rate, spread multiplier
 * (same mean, wider noise) and a slow leak (latency and CPU growing per hour of uptime).
 */
public record Behaviour(double latencyFactor, double extraErrorRate, double spreadFactor, double leakPerHour) {

    /** The behaviour of a healthy version. */
    public static final Behaviour HEALTHY = new Behaviour(1.0, 0.0, 1.0, 0.0);
}

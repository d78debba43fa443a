package io.nightwatch.simulator.fleet;

/** How one simulated service behaves at rest: its size, version and typical figures. */
public record ServiceProfile(
        String name, int instances, String version, double latencyMs, double qps, double errorRate, double cpuPercent) {}

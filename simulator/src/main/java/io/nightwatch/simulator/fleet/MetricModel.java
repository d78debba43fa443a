package io.nightwatch.simulator.fleet;

import java.util.SplittableRandom;

/**
 * The value of a metric of an instance at a time: a daily traffic shape, noise, and the running version's
 * behaviour. Deterministic: the same instance, metric and time always give the same value, so re-emitting a
 * tick reproduces it exactly.
 */
public final class MetricModel {

    private static final double DAY_MS = 24 * 3600 * 1000.0;

    /** {@code requests} and {@code errors} count what one instance served in this many seconds before the sample. */
    public static final int SAMPLE_SECONDS = 5;

    private MetricModel() {}

    /** The value of {@code metric} of {@code instance} at {@code tsMillis}. */
    public static double value(SimulatedInstance instance, String metric, long tsMillis) {
        ServiceProfile s = instance.service();
        Behaviour b = instance.behaviour();
        double noise = gaussian(instance.name(), metric, tsMillis) * b.spreadFactor();
        double load = dailyLoad(tsMillis);
        double uptimeHours = instance.versionSinceMillis() > 0
                ? Math.max(0, tsMillis - instance.versionSinceMillis()) / 3_600_000.0 : 0.0;
        double leak = 1 + b.leakPerHour() * uptimeHours;
        return switch (metric) {
            case "qps" -> Math.max(0, s.qps() / s.instances() * load * (1 + 0.05 * noise));
            case "latency_ms" -> s.latencyMs() * (1 + 0.25 * (load - 1)) * b.latencyFactor() * leak * Math.exp(0.08 * noise);
            case "cpu" -> clamp(s.cpuPercent() * load * leak * (1 + 0.05 * noise), 0.5, 100);
            case "error_rate" -> clamp((s.errorRate() + b.extraErrorRate()) * (1 + 0.3 * noise), 0, 1);
            case "requests" -> requests(instance, tsMillis);
            case "errors" -> errors(instance, tsMillis);
            default -> throw new IllegalArgumentException("unknown metric " + metric);
        };
    }

    /** Requests served in the {@link #SAMPLE_SECONDS} before {@code tsMillis}: the exposure of {@code errors}. */
    static double requests(SimulatedInstance instance, long tsMillis) {
        return Math.rint(value(instance, "qps", tsMillis) * SAMPLE_SECONDS);
    }

    /** 5xx answers among those requests: a Poisson count at the version's error probability. */
    static double errors(SimulatedInstance instance, long tsMillis) {
        double requests = requests(instance, tsMillis);
        double p = clamp(instance.service().errorRate() + instance.behaviour().extraErrorRate(), 0, 1);
        SplittableRandom random = new SplittableRandom(seed(instance.name(), "errors", tsMillis));
        return Math.min(requests, poisson(requests * p, random));
    }

    private static double poisson(double mean, SplittableRandom random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) { // normal approximation; Knuth's product underflows for large means
            return Math.max(0, Math.rint(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Traffic relative to the daily mean: low at night, a peak in the afternoon (UTC). */
    static double dailyLoad(long tsMillis) {
        double phase = (tsMillis % (long) DAY_MS) / DAY_MS;
        return 1 + 0.35 * Math.sin(2 * Math.PI * (phase - 0.375));
    }

    private static double gaussian(String instance, String metric, long tsMillis) {
        return new SplittableRandom(seed(instance, metric, tsMillis)).nextGaussian();
    }

    private static long seed(String instance, String metric, long tsMillis) {
        return instance.hashCode() * 0x9E3779B97F4A7C15L ^ metric.hashCode() * 0xC2B2AE3D27D4EB4FL ^ tsMillis;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

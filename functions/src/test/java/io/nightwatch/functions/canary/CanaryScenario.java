package io.nightwatch.functions.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * A seeded generator of canary-vs-baseline samples for one release behaviour: healthy (noise only) or one fault
 * kind at one size. Each call with the same random state yields the same samples.
 *
 * @param healthy true: any failure verdict is a false positive; false: a High is a detection
 */
record CanaryScenario(String name, boolean healthy, MetricKind kind,
        BiFunction<SplittableRandom, String, MetricSamples> generator) {

    /** Intervals per side (e.g. 30 one-minute intervals). */
    static final int INTERVALS = 30;
    /** Gauge baseline level and noise: per-interval values 100 ± 10 (normal). */
    static final double LEVEL = 100.0;
    static final double NOISE = 10.0;

    MetricSamples sample(SplittableRandom random) {
        return generator.apply(random, name);
    }

    /** The scenarios of the study, healthy ones first. */
    static List<CanaryScenario> all() {
        List<CanaryScenario> s = new ArrayList<>();
        s.add(gauge("healthy gauge (normal noise)", true, INTERVALS, (r, i) -> LEVEL + NOISE * r.nextGaussian(),
                (r, i) -> LEVEL + NOISE * r.nextGaussian()));
        s.add(gauge("healthy gauge (skewed, lognormal σ=0.5)", true, INTERVALS,
                (r, i) -> LEVEL * Math.exp(0.5 * r.nextGaussian()),
                (r, i) -> LEVEL * Math.exp(0.5 * r.nextGaussian())));
        s.add(counts("healthy errors 1%", true, 0.01, 0.01, 0.0));
        s.add(counts("healthy sparse errors 0.05%", true, 0.0005, 0.0005, 0.0));
        s.add(counts("healthy bursty errors 1% (gamma-mixed)", true, 0.01, 0.01, 1.0));
        s.add(gauge("healthy gauge, 5 samples/side", true, 5, (r, i) -> LEVEL + NOISE * r.nextGaussian(),
                (r, i) -> LEVEL + NOISE * r.nextGaussian()));
        for (double pct : new double[] {2, 5, 10, 20}) {
            double f = 1 + pct / 100;
            s.add(gauge(String.format("latency +%.0f%%", pct), false, INTERVALS,
                    (r, i) -> f * (LEVEL + NOISE * r.nextGaussian()), (r, i) -> LEVEL + NOISE * r.nextGaussian()));
        }
        s.add(gauge("latency +20%, 5 samples/side", false, 5, (r, i) -> 1.2 * (LEVEL + NOISE * r.nextGaussian()),
                (r, i) -> LEVEL + NOISE * r.nextGaussian()));
        for (double k : new double[] {1.5, 2, 3}) {
            s.add(gauge(String.format("variance only ×%.1f spread", k), false, INTERVALS,
                    (r, i) -> LEVEL + k * NOISE * r.nextGaussian(), (r, i) -> LEVEL + NOISE * r.nextGaussian()));
        }
        s.add(counts("error rate 1% → 2%", false, 0.02, 0.01, 0.0));
        s.add(counts("bursty error rate 1% → 2% (gamma-mixed)", false, 0.02, 0.01, 1.0));
        s.add(counts("sparse errors 0.05% → 0.25%", false, 0.0025, 0.0005, 0.0));
        s.add(counts("sparse errors 0.01% → 0.2%", false, 0.002, 0.0001, 0.0));
        s.add(counts("sparse errors 0% → 0.1%", false, 0.001, 0.0, 0.0));
        for (double leak : new double[] {10, 20, 30}) {
            s.add(gauge(String.format("slow leak 0 → +%.0f%% over the window", leak), false, INTERVALS,
                    (r, i) -> LEVEL + NOISE * r.nextGaussian() + LEVEL * leak / 100 * i / (INTERVALS - 1.0),
                    (r, i) -> LEVEL + NOISE * r.nextGaussian()));
        }
        return s;
    }

    interface Draw {
        double at(SplittableRandom random, int interval);
    }

    static CanaryScenario gauge(String name, boolean healthy, int n, Draw canary, Draw baseline) {
        return new CanaryScenario(name, healthy, MetricKind.GAUGE, (r, metric) -> {
            double[] c = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = canary.at(r, i);
                b[i] = baseline.at(r, i);
            }
            // one value per interval and side, in time order: the samples are their own aligned series
            return MetricSamples.of(metric, c, b).withSeries(c, b);
        });
    }

    /**
     * Error counts per interval: requests 150..250 per interval, each an error with the given probability; with
     * {@code burstShape} > 0 every interval's probability is multiplied by a Gamma(shape, 1/shape) factor
     * (overdispersed, bursty errors).
     */
    static CanaryScenario counts(String name, boolean healthy, double canaryRate, double baselineRate,
            double burstShape) {
        return new CanaryScenario(name, healthy, MetricKind.COUNT, (r, metric) -> {
            double[][] c = errors(r, canaryRate, burstShape);
            double[][] b = errors(r, baselineRate, burstShape);
            return new MetricSamples(metric, c[0], b[0], c[1], b[1]);
        });
    }

    private static double[][] errors(SplittableRandom r, double rate, double burstShape) {
        double[] counts = new double[INTERVALS];
        double[] requests = new double[INTERVALS];
        for (int i = 0; i < INTERVALS; i++) {
            int n = 150 + r.nextInt(101);
            double p = rate * (burstShape > 0 ? gamma(r, burstShape) : 1.0);
            int errors = 0;
            for (int k = 0; k < n; k++) {
                if (r.nextDouble() < p) {
                    errors++;
                }
            }
            counts[i] = errors;
            requests[i] = n;
        }
        return new double[][] {counts, requests};
    }

    /** Gamma(shape, scale 1/shape) (mean 1) by Marsaglia-Tsang; shape >= 1 only. */
    private static double gamma(SplittableRandom r, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v <= 0) {
                continue;
            }
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v / shape;
            }
        }
    }
}

package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Brown-Forsythe spread test for variance-only regressions, on named synthetic data. */
class DispersionTests {

    private static final MetricConfig LATENCY = MetricConfig.of("latency").withDirection(Direction.INCREASE);

    /** n values level + spread·z from a fixed normal stream. */
    private static double[] normal(long seed, int n, double level, double spread) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = level + spread * r.nextGaussian();
        }
        return v;
    }

    @Test
    void sameMedianThreeTimesTheSpreadIsHighWhereKayentaPasses() {
        double[] baseline = normal(1, 30, 100, 10);
        double[] canary = normal(2, 30, 100, 30);
        MetricSamples samples = MetricSamples.of("latency", canary, baseline);

        MetricResult enhanced = CanaryJudge.enhanced().judgeMetric(LATENCY, samples);
        MetricResult kayenta = CanaryJudge.kayenta().judgeMetric(LATENCY, samples);

        assertThat(kayenta.classification()).isEqualTo(Classification.PASS);
        assertThat(enhanced.classification()).isEqualTo(Classification.HIGH);
        assertThat(enhanced.decidedBy()).isEqualTo("spread");
        assertThat(enhanced.dispersion().spreadRatio()).isGreaterThan(2.0);
        assertThat(enhanced.mannWhitney()).as("the rank statistics are still reported").isNotNull();
    }

    @Test
    void aPureShiftIsNotAWiderSpread() {
        double[] baseline = normal(3, 30, 100, 10);
        double[] canary = baseline.clone();
        for (int i = 0; i < canary.length; i++) {
            canary[i] += 50;
        }
        DispersionTest.Result r = new DispersionTest(0.98, 1.0, 1.5).test(canary, baseline);

        assertThat(r.spreadRatio()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.wider()).isFalse();
    }

    @Test
    void healthyNoiseIsNotWider() {
        DispersionTest.Result r = new DispersionTest(0.98, 1.25, 1.5).test(normal(4, 30, 100, 10),
                normal(5, 30, 100, 10));

        assertThat(r.wider()).isFalse();
        assertThat(r.pValueWider()).isGreaterThan(0.01);
    }

    @Test
    void aNarrowerCanaryIsNotWider() {
        DispersionTest.Result r = new DispersionTest(0.98, 1.0, 1.5).test(normal(6, 30, 100, 3),
                normal(7, 30, 100, 10));

        assertThat(r.spreadRatio()).isLessThan(1.0);
        assertThat(r.pValueWider()).isGreaterThan(0.5);
        assertThat(r.wider()).isFalse();
    }

    @Test
    void aSignificantButSmallWideningBelowTheMinimumRatioIsNotWider() {
        // 2000 samples: 1.3x the spread is highly significant, but below the 1.5x minimum.
        DispersionTest.Result r = new DispersionTest(0.98, 1.0, 1.5).test(normal(8, 2000, 100, 13),
                normal(9, 2000, 100, 10));

        assertThat(r.pValueWider()).isLessThan(1e-6);
        assertThat(r.spreadRatio()).isBetween(1.2, 1.4);
        assertThat(r.wider()).isFalse();
    }

    @Test
    void theMarginDemandsSignificantlyMoreThanThatMultiple() {
        double[] baseline = normal(10, 30, 100, 10);
        double[] canary = normal(11, 30, 100, 17);
        DispersionTest.Result plain = new DispersionTest(0.98, 1.0, 1.5).test(canary, baseline);
        DispersionTest.Result margin = new DispersionTest(0.98, 1.25, 1.5).test(canary, baseline);

        assertThat(plain.spreadRatio()).isEqualTo(margin.spreadRatio());
        assertThat(margin.pValueWider()).isGreaterThan(plain.pValueWider());
    }

    @Test
    void aConstantBaselineAgainstAVaryingCanaryIsWider() {
        double[] baseline = new double[20];
        java.util.Arrays.fill(baseline, 100);
        DispersionTest.Result r = new DispersionTest(0.98, 1.25, 1.5).test(normal(12, 20, 100, 10), baseline);

        assertThat(r.spreadRatio()).isInfinite();
        assertThat(r.wider()).isTrue();
    }

    @Test
    void decreaseOnlyMetricsAreNotSpreadTested() {
        MetricSamples samples = MetricSamples.of("throughput", normal(2, 30, 100, 30), normal(1, 30, 100, 10));
        MetricResult r = CanaryJudge.enhanced().judgeMetric(MetricConfig.of("throughput")
                .withDirection(Direction.DECREASE), samples);

        assertThat(r.classification()).isEqualTo(Classification.PASS);
        assertThat(r.dispersion()).isNull();
    }
}

package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Mann-Kendall trend test on canary − baseline (slow leaks) and how the enhanced judge uses it. */
class TrendTests {

    private static final double[] ZEROS = new double[5];

    @Test
    void mannKendallStatisticsMatchTheTextbookFormulas() {
        TrendTest.Result r = new TrendTest(0.98, 0.0).test(new double[] {1, 2, 3, 4, 5}, ZEROS);
        assertThat(r.s()).isEqualTo(10);
        // Var(S) = n(n-1)(2n+5)/18 = 16.667; z = (S - 1)/sqrt(Var) = 2.2045; p = 1 - Φ(z) = 0.0137432
        assertThat(r.z()).isCloseTo(9 / Math.sqrt(300 / 18.0), within(1e-12));
        assertThat(r.pValueRising()).isCloseTo(0.0137432, within(1e-7));
        assertThat(r.slope()).isEqualTo(1.0);
        assertThat(r.drift()).isEqualTo(4.0);
    }

    @Test
    void tiesShrinkTheVariance() {
        // S = 8; ties: two pairs → Σ t(t-1)(2t+5) = 36; Var = (300 - 36)/18 = 14.667; z = 7/sqrt(14.667)
        TrendTest.Result r = new TrendTest(0.98, 0.0).test(new double[] {1, 1, 2, 2, 3}, ZEROS);
        assertThat(r.s()).isEqualTo(8);
        assertThat(r.z()).isCloseTo(7 / Math.sqrt(264 / 18.0), within(1e-12));
        assertThat(r.slope()).isEqualTo(0.5);
    }

    @Test
    void aLeakAboveTheBaselineIsARiseAndALevelShiftIsNot() {
        SplittableRandom r = new SplittableRandom(7);
        double[] baseline = new double[30];
        double[] leaking = new double[30];
        double[] shifted = new double[30];
        for (int i = 0; i < 30; i++) {
            baseline[i] = 100 + 2 * r.nextGaussian();
            leaking[i] = 100 + 2 * r.nextGaussian() + 0.5 * i; // +14.5 over the window
            shifted[i] = 120 + 2 * r.nextGaussian();
        }
        TrendTest test = new TrendTest(0.98, 0.05);
        TrendTest.Result leak = test.test(leaking, baseline);
        assertThat(leak.rising()).isTrue();
        assertThat(leak.falling()).isFalse();
        assertThat(leak.relativeDrift()).isBetween(0.10, 0.20);
        assertThat(test.test(shifted, baseline).rising()).isFalse();
        assertThat(test.test(baseline, leaking).falling()).isTrue();
    }

    @Test
    void aSignificantButImmaterialDriftIsNotATrend() {
        double[] baseline = new double[30];
        double[] creeping = new double[30];
        for (int i = 0; i < 30; i++) {
            baseline[i] = 1000;
            creeping[i] = 1000 + 0.01 * i; // perfectly monotone, 0.03% of the level
        }
        TrendTest.Result r = new TrendTest(0.98, 0.05).test(creeping, baseline);
        assertThat(r.pValueRising()).isLessThan(1e-6);
        assertThat(r.rising()).isFalse();
        assertThatThrownBy(() -> new TrendTest(0.98, 0.05).test(new double[] {1, 2}, new double[] {1, 2}))
                .hasMessage("a trend needs at least 3 intervals, got 2");
        assertThatThrownBy(() -> new TrendTest(0.98, 0.05).test(new double[] {1, 2, 3}, new double[] {1, 2}))
                .hasMessage("the series must be aligned: 3 vs 2");
    }

    @Test
    void theEnhancedJudgeFailsADriftingCanaryOnlyWhenItHasAlignedSeries() {
        double[] baseline = new double[20];
        double[] canary = new double[20];
        for (int i = 0; i < 20; i++) {
            baseline[i] = 100 + (i * 7 % 11) - 5;
            canary[i] = 100 + (i * 13 % 11) - 5 + 0.8 * (i - 9.5); // same level on average, +15 over the window
        }
        MetricConfig latency = MetricConfig.of("latency").withDirection(Direction.INCREASE);
        MetricSamples plain = MetricSamples.of("latency", canary, baseline);
        MetricResult withSeries = CanaryJudge.enhanced().judgeMetric(latency, plain.withSeries(canary, baseline));
        assertThat(withSeries.classification()).isEqualTo(Classification.HIGH);
        assertThat(withSeries.decidedBy()).isEqualTo("trend");
        assertThat(withSeries.reason()).startsWith("latency: canary drifts above its baseline by +");
        assertThat(withSeries.trend().rising()).isTrue();
        assertThat(OfflineJudge.toCompactJson(withSeries)).contains("\"trendTest\":{\"intervals\":20");

        assertThat(CanaryJudge.enhanced().judgeMetric(latency, plain).classification()).isEqualTo(Classification.PASS);
        assertThat(CanaryJudge.kayenta().judgeMetric(latency, plain.withSeries(canary, baseline)).classification())
                .isEqualTo(Classification.PASS);
        MetricResult decreaseOnly = CanaryJudge.enhanced().judgeMetric(latency.withDirection(Direction.DECREASE),
                plain.withSeries(canary, baseline));
        assertThat(decreaseOnly.classification()).isEqualTo(Classification.PASS);
    }
}

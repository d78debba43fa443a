package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** The exact conditional rate test for sparse counts, on named synthetic data. */
class SparseCountRateTests {

    private static final int INTERVALS = 30;
    private static final MetricConfig FIVE_XX = MetricConfig.of("5xx").withDirection(Direction.INCREASE)
            .withKind(MetricKind.COUNT);

    /** 30 intervals of 200 requests; {@code errorsAt} intervals hold one error each. */
    private static double[] oneErrorIn(int... errorsAt) {
        double[] counts = new double[INTERVALS];
        for (int i : errorsAt) {
            counts[i] = 1;
        }
        return counts;
    }

    private static double[] requests(double perInterval) {
        double[] r = new double[INTERVALS];
        Arrays.fill(r, perInterval);
        return r;
    }

    @Test
    void tenCanary5xxAgainstOneBaseline5xxAmong6000RequestsEachIsHighWhereKayentaPasses() {
        double[] canary = oneErrorIn(0, 7, 14, 21, 28, 5, 12, 19, 26, 3);
        double[] baseline = oneErrorIn(13);
        MetricSamples samples = new MetricSamples("5xx", canary, baseline, requests(200), requests(200));

        MetricResult enhanced = CanaryJudge.enhanced().judgeMetric(FIVE_XX, samples);
        MetricResult kayenta = CanaryJudge.kayenta().judgeMetric(FIVE_XX, samples);

        assertThat(enhanced.classification()).isEqualTo(Classification.HIGH);
        assertThat(enhanced.decidedBy()).isEqualTo("rate");
        assertThat(enhanced.rate().rateRatio()).isCloseTo(10.0, within(1e-12));
        // P(X >= 10 | X ~ Binomial(11, 1/2)) = 12 / 2048
        assertThat(enhanced.rate().pValueHigher()).isCloseTo(12.0 / 2048, within(1e-12));
        // Kayenta's interval straddles the jump of the rank statistic at 0: it passes.
        assertThat(kayenta.classification()).isEqualTo(Classification.PASS);
        assertThat(kayenta.ciLower()).isLessThan(kayenta.mannWhitney().upperBound());
    }

    @Test
    void equalRatesPass() {
        double[] canary = oneErrorIn(1, 9, 17, 25);
        double[] baseline = oneErrorIn(2, 10, 18, 26, 27);
        SparseCountRateTest.Result r = new SparseCountRateTest(0.98, true).test(canary, requests(200), baseline,
                requests(200));
        MetricResult result = CanaryJudge.enhanced().judgeMetric(FIVE_XX,
                new MetricSamples("5xx", canary, baseline, requests(200), requests(200)));

        assertThat(r.rateRatio()).isCloseTo(0.8, within(1e-12));
        assertThat(r.pValueHigher()).isGreaterThan(0.5);
        assertThat(result.classification()).isEqualTo(Classification.PASS);
    }

    @Test
    void exposureDecidesNotRawCounts() {
        // The same 20 errors: the canary served a tenth of the baseline's requests, so its rate is 10x.
        double[] canary = oneErrorIn();
        double[] baseline = oneErrorIn();
        canary[0] = 20;
        baseline[0] = 20;
        SparseCountRateTest test = new SparseCountRateTest(0.98, false);
        SparseCountRateTest.Result r = test.test(canary, requests(100), baseline, requests(1000));

        assertThat(r.rateRatio()).isCloseTo(10.0, within(1e-12));
        assertThat(test.isHigher(r, 1.0)).isTrue();
        assertThat(r.ratioLower()).isGreaterThan(1.0);
        assertThat(r.ratioLower()).isLessThan(r.rateRatio());
        assertThat(r.ratioUpper()).isGreaterThan(r.rateRatio());
    }

    @Test
    void aSignificantlyLowerRateIsLowWhenDecreasesCount() {
        // 2 errors in the canary against one in every baseline interval.
        double[] canary = oneErrorIn(3, 17);
        double[] baseline = requests(1);
        MetricResult result = CanaryJudge.enhanced().judgeMetric(FIVE_XX.withDirection(Direction.EITHER),
                new MetricSamples("5xx", canary, baseline, requests(200), requests(200)));
        MetricResult increaseOnly = CanaryJudge.enhanced().judgeMetric(FIVE_XX,
                new MetricSamples("5xx", canary, baseline, requests(200), requests(200)));

        assertThat(result.classification()).isEqualTo(Classification.LOW);
        assertThat(increaseOnly.classification()).isEqualTo(Classification.PASS);
    }

    @Test
    void noEventsOnEitherSidePasses() {
        SparseCountRateTest.Result r = new SparseCountRateTest(0.98, true).test(oneErrorIn(), requests(200),
                oneErrorIn(), requests(200));
        MetricResult result = CanaryJudge.enhanced().judgeMetric(FIVE_XX,
                new MetricSamples("5xx", oneErrorIn(), oneErrorIn(), requests(200), requests(200)));

        assertThat(r.pValueHigher()).isEqualTo(1.0);
        assertThat(Double.isNaN(r.rateRatio())).isTrue();
        assertThat(result.classification()).isEqualTo(Classification.PASS);
    }

    @Test
    void burstyCountsAreScaledByTheirOverdispersionAndDoNotFailOnTwoMoreBursts() {
        // Errors arrive in bursts of 20: baseline 2 bursts, canary 4. Poisson-exact calls that significant;
        // the burst structure says it is 4 events against 2.
        double[] canary = oneErrorIn();
        double[] baseline = oneErrorIn();
        for (int i : new int[] {3, 11, 19, 27}) {
            canary[i] = 20;
        }
        for (int i : new int[] {5, 22}) {
            baseline[i] = 20;
        }
        SparseCountRateTest.Result guarded = new SparseCountRateTest(0.98, true).test(canary, requests(200),
                baseline, requests(200));
        SparseCountRateTest.Result poisson = new SparseCountRateTest(0.98, false).test(canary, requests(200),
                baseline, requests(200));

        assertThat(poisson.pValueHigher()).isLessThan(0.01);
        assertThat(guarded.dispersion()).isGreaterThan(10.0);
        assertThat(guarded.pValueHigher()).isGreaterThan(0.1);
        assertThat(new SparseCountRateTest(0.98, true).isHigher(guarded, 1.0)).isFalse();
    }

    @Test
    void poissonCountsKeepDispersionOne() {
        double[] canary = oneErrorIn(1, 4, 9, 16, 25);
        double[] baseline = oneErrorIn(2, 8);
        SparseCountRateTest.Result r = new SparseCountRateTest(0.98, true).test(canary, requests(200), baseline,
                requests(200));

        assertThat(r.dispersion()).isEqualTo(1.0);
    }

    @Test
    void withIntegerCountsTheTailIsCommonsMathsBinomialTail() {
        double[] canary = oneErrorIn();
        double[] baseline = oneErrorIn();
        canary[0] = 9;
        baseline[0] = 3;
        SparseCountRateTest.Result r = new SparseCountRateTest(0.98, false).test(canary, requests(300), baseline,
                requests(200));
        double p0 = 300.0 * INTERVALS / (300.0 * INTERVALS + 200.0 * INTERVALS);
        BinomialDistribution b = new BinomialDistribution(null, 12, p0);

        assertThat(r.pValueHigher()).isCloseTo(1 - b.cumulativeProbability(8), within(1e-12));
        assertThat(r.pValueLower()).isCloseTo(b.cumulativeProbability(9), within(1e-12));
    }

    @Test
    void withoutExposuresEachIntervalCountsOnce() {
        double[] canary = oneErrorIn(1, 2, 3);
        double[] baseline = oneErrorIn(1);
        SparseCountRateTest.Result r = new SparseCountRateTest(0.98, true).test(canary, null, baseline, null);

        assertThat(r.canaryExposure()).isEqualTo(INTERVALS);
        assertThat(r.rateRatio()).isCloseTo(3.0, within(1e-12));
    }
}

package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The minimum-sample and missing-data rules of the enhanced judge, on named synthetic data. */
class MinimumSampleRuleTest {

    private static final MetricConfig LATENCY = MetricConfig.of("latency").withDirection(Direction.INCREASE);

    private static double[] ramp(int n, double from) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + i;
        }
        return v;
    }

    @Test
    void nineCanarySamplesAgainstThirtyIsNotEnoughData() {
        MinimumSampleRule.Check check = MinimumSampleRule.defaults().check(9, 30);

        assertThat(check.ok()).isFalse();
        assertThat(check.classification()).isEqualTo(Classification.NOT_ENOUGH_DATA);
        assertThat(check.reason()).contains("canary 9").contains("minimum 10");
    }

    @Test
    void tenSamplesEachMayBeJudged() {
        assertThat(MinimumSampleRule.defaults().check(10, 10).ok()).isTrue();
    }

    @Test
    void theMinimumIsConfigurable() {
        assertThat(new MinimumSampleRule(3).check(3, 3).ok()).isTrue();
        assertThat(new MinimumSampleRule(30).check(29, 100).classification())
                .isEqualTo(Classification.NOT_ENOUGH_DATA);
    }

    @Test
    void anEmptyBaselineIsNodataAndSaysSo() {
        MinimumSampleRule.Check check = MinimumSampleRule.defaults().check(30, 0);

        assertThat(check.classification()).isEqualTo(Classification.NODATA);
        assertThat(check.reason()).contains("baseline");
    }

    @Test
    void fiveSamplesOfA20PercentRegressionAreNotEnoughDataWhereKayentaGuessesHigh() {
        double[] baseline = {100, 104, 98, 101, 97};
        double[] canary = {121, 118, 125, 119, 122};
        MetricSamples samples = MetricSamples.of("latency", canary, baseline);

        MetricResult kayenta = CanaryJudge.kayenta().judgeMetric(LATENCY, samples);
        MetricResult enhanced = CanaryJudge.enhanced().judgeMetric(LATENCY, samples);

        assertThat(kayenta.classification()).isEqualTo(Classification.HIGH);
        assertThat(enhanced.classification()).isEqualTo(Classification.NOT_ENOUGH_DATA);
        assertThat(enhanced.canarySamples()).isEqualTo(5);
        assertThat(enhanced.reason()).contains("too few samples");
    }

    @Test
    void aMissingBaselineIsNodataEvenWithNanReplacementWhereKayentaPasses() {
        MetricConfig errors = LATENCY.withNanStrategy(NanStrategy.REPLACE);
        MetricSamples noBaseline = MetricSamples.of("latency", ramp(30, 100), new double[0]);

        MetricResult kayenta = CanaryJudge.kayenta().judgeMetric(errors, noBaseline);
        MetricResult enhanced = CanaryJudge.enhanced().judgeMetric(errors, noBaseline);

        assertThat(kayenta.classification()).isEqualTo(Classification.PASS);
        assertThat(enhanced.classification()).isEqualTo(Classification.NODATA);
        assertThat(enhanced.reason()).contains("baseline (control) has no samples");
    }

    @Test
    void nanOnlySamplesUnderReplacementAreZerosAndAreJudged() {
        double[] nans = new double[12];
        java.util.Arrays.fill(nans, Double.NaN);
        double[] zeros = new double[12];
        MetricResult r = CanaryJudge.enhanced().judgeMetric(LATENCY.withNanStrategy(NanStrategy.REPLACE),
                MetricSamples.of("latency", nans, zeros));

        assertThat(r.classification()).isEqualTo(Classification.PASS);
        assertThat(r.canarySamples()).isEqualTo(12);
    }

    @Test
    void aMissingBaselineOfAMustHaveDataMetricFailsIt() {
        MetricResult r = CanaryJudge.enhanced().judgeMetric(LATENCY.withMustHaveData(true),
                MetricSamples.of("latency", ramp(30, 100), new double[0]));

        assertThat(r.classification()).isEqualTo(Classification.NODATA_FAIL_METRIC);
    }

    @Test
    void aCriticalMetricWithTooFewSamplesFailsTheStage() {
        MetricConfig critical = LATENCY.withCritical(true);
        MetricConfig other = MetricConfig.of("cpu");
        StageVerdict v = CanaryJudge.enhanced().judge(List.of(critical, other),
                List.of(MetricSamples.of("latency", ramp(4, 100), ramp(4, 100)),
                        MetricSamples.of("cpu", ramp(30, 50), ramp(30, 50))),
                Map.of(), ScoreThresholds.defaults());

        assertThat(v.metric("latency").classification()).isEqualTo(Classification.NOT_ENOUGH_DATA);
        assertThat(v.summaryScore()).isZero();
        assertThat(v.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void halfTheMetricsWithTooFewSamplesFailTheStageByTheNoDataRule() {
        StageVerdict v = CanaryJudge.enhanced().judge(List.of(MetricConfig.of("a"), MetricConfig.of("b")),
                List.of(MetricSamples.of("a", ramp(5, 1), ramp(5, 1)), MetricSamples.of("b", ramp(30, 1),
                        ramp(30, 1))),
                Map.of(), ScoreThresholds.defaults());

        assertThat(v.summaryScore()).isZero();
        assertThat(v.reason()).contains("50% or more");
    }
}

package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The judge facade: stage verdicts, groups, critical and muted metrics, determinism. */
class CanaryJudgeTest {

    private static double[] normal(long seed, int n, double level, double spread) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = level + spread * r.nextGaussian();
        }
        return v;
    }

    private static final List<MetricConfig> STAGE = List.of(
            MetricConfig.of("latency").withGroups(List.of("latency")).withDirection(Direction.INCREASE),
            MetricConfig.of("cpu").withGroups(List.of("system")),
            MetricConfig.of("5xx").withGroups(List.of("errors")).withDirection(Direction.INCREASE)
                    .withKind(MetricKind.COUNT).withCritical(true));

    private static List<MetricSamples> samples(double latencyFactor, double canaryErrors) {
        double[] requests = new double[30];
        java.util.Arrays.fill(requests, 1000);
        double[] canary5xx = new double[30];
        double[] baseline5xx = new double[30];
        for (int i = 0; i < 30; i++) {
            canary5xx[i] = i < canaryErrors ? 1 : 0;
            baseline5xx[i] = i % 10 == 0 ? 1 : 0;
        }
        double[] latency = normal(1, 30, 100, 10);
        for (int i = 0; i < latency.length; i++) {
            latency[i] *= latencyFactor;
        }
        return List.of(MetricSamples.of("latency", latency, normal(2, 30, 100, 10)),
                MetricSamples.of("cpu", normal(3, 30, 50, 5), normal(4, 30, 50, 5)),
                new MetricSamples("5xx", canary5xx, baseline5xx, requests, requests));
    }

    @Test
    void aHealthyStagePassesWithScore100() {
        StageVerdict v = CanaryJudge.enhanced().judge(STAGE, samples(1.0, 3), Map.of(), ScoreThresholds.defaults());

        assertThat(v.verdict()).isEqualTo(Verdict.PASS);
        assertThat(v.summaryScore()).isEqualTo(100.0);
        assertThat(v.metrics()).extracting(MetricResult::classification).containsOnly(Classification.PASS);
        assertThat(v.groupScores()).hasSize(3);
    }

    @Test
    void aSlowerCanaryLosesItsGroupsShare() {
        StageVerdict v = CanaryJudge.enhanced().judge(STAGE, samples(1.3, 3), Map.of(), ScoreThresholds.defaults());

        assertThat(v.metric("latency").classification()).isEqualTo(Classification.HIGH);
        assertThat(v.metric("latency").hlEstimate()).isGreaterThan(20);
        assertThat(v.metric("latency").ciLower()).isGreaterThan(v.metric("latency").mannWhitney().upperBound());
        assertThat(v.summaryScore()).isEqualTo(66.67);
        assertThat(v.verdict()).isEqualTo(Verdict.MARGINAL);
    }

    @Test
    void aCriticalErrorRegressionFailsTheStageWithScoreZero() {
        StageVerdict v = CanaryJudge.enhanced().judge(STAGE, samples(1.0, 15), Map.of(), ScoreThresholds.defaults());

        assertThat(v.metric("5xx").classification()).isEqualTo(Classification.HIGH);
        assertThat(v.metric("5xx").critical()).isTrue();
        assertThat(v.summaryScore()).isZero();
        assertThat(v.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(v.reason()).startsWith("Canary Failed: 5xx");
    }

    @Test
    void aMutedMetricIsClassifiedButNotScored() {
        List<MetricConfig> stage = List.of(STAGE.get(0).withMuted(true), STAGE.get(1), STAGE.get(2));
        StageVerdict v = CanaryJudge.enhanced().judge(stage, samples(1.3, 3), Map.of(), ScoreThresholds.defaults());

        assertThat(v.metric("latency").classification()).isEqualTo(Classification.HIGH);
        assertThat(v.summaryScore()).isEqualTo(100.0);
    }

    @Test
    void aConfiguredMetricWithoutSamplesIsNodata() {
        StageVerdict v = CanaryJudge.enhanced().judge(STAGE, samples(1.0, 3).subList(0, 2), Map.of(),
                ScoreThresholds.defaults());

        assertThat(v.metric("5xx").classification()).isEqualTo(Classification.NODATA);
        assertThat(v.verdict()).as("a critical metric without data fails the stage").isEqualTo(Verdict.FAIL);
    }

    @Test
    void theSameInputGivesTheSameVerdict() {
        StageVerdict a = CanaryJudge.enhanced().judge(STAGE, samples(1.1, 5), Map.of("latency", 50.0),
                ScoreThresholds.defaults());
        StageVerdict b = CanaryJudge.enhanced().judge(STAGE, samples(1.1, 5), Map.of("latency", 50.0),
                ScoreThresholds.defaults());

        assertThat(a).isEqualTo(b);
    }

    @Test
    void kayentaModeNeverSaysNotEnoughData() {
        StageVerdict v = CanaryJudge.kayenta().judge(List.of(MetricConfig.of("cpu")),
                List.of(MetricSamples.of("cpu", new double[] {1, 2}, new double[] {1.5, 2.5})), Map.of(),
                ScoreThresholds.defaults());

        assertThat(v.metric("cpu").classification()).isEqualTo(Classification.PASS);
    }
}

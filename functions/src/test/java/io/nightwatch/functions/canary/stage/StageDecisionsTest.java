package io.nightwatch.functions.canary.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightwatch.functions.canary.CanaryJudge;
import io.nightwatch.functions.canary.Direction;
import io.nightwatch.functions.canary.MetricConfig;
import io.nightwatch.functions.canary.MetricKind;
import io.nightwatch.functions.canary.MetricSamples;
import io.nightwatch.functions.canary.ScoreThresholds;
import io.nightwatch.functions.canary.StageVerdict;
import io.nightwatch.schemas.CanaryOutcome;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure decisions around a stage: transitions, samples, outcomes, the canary config. */
class StageDecisionsTest {

    private static final Instant AT = Instant.parse("2026-11-22T05:40:00Z");
    private final StageTransitions transitions = new StageTransitions(Duration.ofSeconds(30));

    private static ReleaseEvent event(String release, ReleaseStatus status, List<String> canary, List<String> baseline,
            List<String> done, long window) {
        return new ReleaseEvent(release + ":" + status, release, "checkout", "1.5.0", "1.4.2", 2, 3, status, canary,
                baseline, done, window, 80, 60, null, AT);
    }

    @Test
    void aStartedStageJudgesNewAndEarlierCanariesAgainstTheBaselineAfterAWarmUp() {
        StageTransitions.Transition t = transitions.apply(null, event("rel-1", ReleaseStatus.STAGE_STARTED,
                List.of("c-2"), List.of("c-3", "c-4"), List.of("c-1"), 300));
        assertThat(t.action()).isEqualTo(StageTransitions.Action.START);
        assertThat(t.stage()).isEqualTo(new ActiveStage("rel-1", "checkout", "1.5.0", 2, List.of("c-1", "c-2"),
                List.of("c-3", "c-4"), AT.toEpochMilli(), AT.toEpochMilli() + 30_000, AT.toEpochMilli() + 300_000, 80, 60));
        // the warm-up never takes more than half the window
        ActiveStage shortWindow = transitions.apply(null, event("rel-1", ReleaseStatus.STAGE_STARTED, List.of("c-2"),
                List.of("c-3"), List.of(), 20)).stage();
        assertThat(shortWindow.windowStart() - shortWindow.startedAt()).isEqualTo(10_000);
    }

    @Test
    void onlyTheEndOfTheAnalysedReleaseStopsTheAnalysis() {
        ActiveStage current = transitions.apply(null, event("rel-1", ReleaseStatus.STAGE_STARTED, List.of("c-1"),
                List.of("c-2"), List.of(), 60)).stage();
        for (ReleaseStatus s : List.of(ReleaseStatus.ROLLING_BACK, ReleaseStatus.ROLLED_BACK, ReleaseStatus.CANCELLED,
                ReleaseStatus.COMPLETED, ReleaseStatus.FAILED)) {
            assertThat(transitions.apply(current, event("rel-1", s, List.of(), List.of(), List.of(), 60)).action())
                    .as(s.name()).isEqualTo(StageTransitions.Action.STOP);
            assertThat(transitions.apply(current, event("rel-0", s, List.of(), List.of(), List.of(), 60)).action())
                    .as("another release " + s).isEqualTo(StageTransitions.Action.KEEP);
        }
        for (ReleaseStatus s : List.of(ReleaseStatus.PAUSED, ReleaseStatus.RESUMED, ReleaseStatus.STAGE_PASSED,
                ReleaseStatus.SCHEDULED)) {
            assertThat(transitions.apply(current, event("rel-1", s, List.of(), List.of(), List.of(), 60)).action())
                    .as(s.name()).isEqualTo(StageTransitions.Action.KEEP);
        }
        assertThat(transitions.apply(current, event("rel-1", ReleaseStatus.STAGE_STARTED, List.of("c-2"), List.of(),
                List.of("c-1"), 60)).action()).as("the last stage only bakes").isEqualTo(StageTransitions.Action.STOP);
    }

    @Test
    void samplesAreEveryPointOfEachSideAndCountsTakeTheExposureOfTheSameInstanceAndTime() {
        ActiveStage stage = new ActiveStage("rel-1", "checkout", "1.5.0", 1, List.of("c-1"), List.of("c-2", "c-3"),
                0, 0, 60_000, 75, 50);
        List<StagePoint> points = new ArrayList<>(List.of(
                new StagePoint("c-2", "latency_ms", 5000, 100), new StagePoint("c-1", "latency_ms", 5000, 150),
                new StagePoint("c-3", "latency_ms", 5000, 110), new StagePoint("c-1", "latency_ms", 10000, 160),
                new StagePoint("c-1", "errors", 5000, 3), new StagePoint("c-1", "requests", 5000, 300),
                new StagePoint("c-2", "errors", 5000, 1), new StagePoint("c-2", "requests", 5000, 310),
                new StagePoint("c-3", "errors", 10000, 2))); // no requests at that time: left out
        List<MetricSamples> samples = StageSamples.build(CanaryConfig.defaults(), stage, points);
        assertThat(samples).extracting(MetricSamples::name).containsExactly("latency_ms", "errors", "error_rate", "cpu");
        assertThat(samples.get(0).canary()).containsExactly(150, 160);
        assertThat(samples.get(0).baseline()).containsExactly(100, 110);
        assertThat(samples.get(1).canary()).containsExactly(3);
        assertThat(samples.get(1).canaryExposure()).containsExactly(300);
        assertThat(samples.get(1).baseline()).containsExactly(1);
        assertThat(samples.get(1).baselineExposure()).containsExactly(310);
        assertThat(samples.get(3).canary()).isEmpty();
    }

    @Test
    void aFailWithoutARegressionIsNotEnoughDataAndAFailWithOneRollsBack() {
        CanaryJudge judge = CanaryJudge.enhanced();
        List<MetricConfig> metrics = List.of(MetricConfig.of("latency").withDirection(Direction.INCREASE)
                .withCritical(true).withGroups(List.of("g")), MetricConfig.of("cpu").withGroups(List.of("g")));
        double[] base = new double[20];
        double[] slow = new double[20];
        for (int i = 0; i < 20; i++) {
            base[i] = 100 + i % 7;
            slow[i] = 160 + i % 7;
        }
        StageVerdict fewSamples = judge.judge(metrics, List.of(MetricSamples.of("latency", new double[] {1, 2}, base),
                MetricSamples.of("cpu", base, base)), Map.of(), ScoreThresholds.defaults());
        StageOutcomes.Decision d = StageOutcomes.decide(fewSamples);
        assertThat(d.outcome()).isEqualTo(CanaryOutcome.NOT_ENOUGH_DATA);
        assertThat(d.reason()).isEqualTo("score 0.00: Canary Failed: too few samples to judge: canary 2, baseline 20 "
                + "(minimum 10 each) [latency NotEnoughData]");

        StageVerdict regressed = judge.judge(metrics, List.of(MetricSamples.of("latency", slow, base),
                MetricSamples.of("cpu", base, base)), Map.of(), ScoreThresholds.defaults());
        d = StageOutcomes.decide(regressed);
        assertThat(d.outcome()).isEqualTo(CanaryOutcome.FAIL);
        assertThat(d.reason()).startsWith("score 0.00 below marginal 50: latency High (critical) (Canary Failed:");

        List<MetricConfig> soft = List.of(MetricConfig.of("latency").withDirection(Direction.INCREASE)
                .withGroups(List.of("g")), MetricConfig.of("cpu").withGroups(List.of("g")));
        StageVerdict marginal = judge.judge(soft, List.of(MetricSamples.of("latency", slow, base),
                MetricSamples.of("cpu", base, base)), Map.of(), new ScoreThresholds(75, 50));
        d = StageOutcomes.decide(marginal);
        assertThat(d.outcome()).isEqualTo(CanaryOutcome.MARGINAL);
        assertThat(d.reason()).isEqualTo("score 50.00 between marginal 50 and pass 75: latency High");
    }

    @Test
    void theCanaryConfigReadsKayentaStyleMetricsAndRefusesWhatItDoesNotKnow() {
        CanaryConfig c = CanaryConfig.fromJson("""
                {"metrics":[{"name":"p99","direction":"increase","critical":true,"groups":["latency"],
                             "effectSize":{"measure":"cles","allowedIncrease":0.8,"allowedDecrease":0.2}},
                            {"name":"5xx","kind":"count","exposure":"requests","groups":["errors"]}],
                 "groupWeights":{"latency":70,"errors":30},"passThreshold":90,"marginalThreshold":70}""");
        assertThat(c.metricConfigs()).extracting(MetricConfig::name).containsExactly("p99", "5xx");
        assertThat(c.metrics().get(0).config().allowedIncrease()).isEqualTo(0.8);
        assertThat(c.metrics().get(1).config().kind()).isEqualTo(MetricKind.COUNT);
        assertThat(c.pointMetrics()).containsExactly("p99", "5xx", "requests");
        assertThat(c.groupWeights()).containsEntry("latency", 70.0);
        assertThat(c.defaultThresholds()).isEqualTo(new ScoreThresholds(90, 70));
        assertThat(CanaryConfig.defaults().pointMetrics())
                .containsExactly("latency_ms", "errors", "requests", "error_rate", "cpu");

        assertThatThrownBy(() -> CanaryConfig.fromJson("{\"metrics\":[{\"name\":\"a\",\"critcal\":true}]}"))
                .hasMessageStartingWith("canary config: unknown field 'metrics[0].critcal'");
        assertThatThrownBy(() -> CanaryConfig.fromJson("{\"metrics\":[{\"name\":\"a\",\"exposure\":\"b\"}]}"))
                .hasMessage("canary config: metrics[0].exposure is only for kind count");
        assertThatThrownBy(() -> CanaryConfig.fromJson("{\"metrics\":[]}"))
                .hasMessage("canary config: 'metrics' must be a non-empty array");
        assertThatThrownBy(() -> CanaryConfig.fromJson("{\"metrics\":[{\"name\":\"a\"}],\"passThreshold\":40}"))
                .hasMessage("canary config: marginal threshold 50.0 above pass threshold 40.0");
    }
}

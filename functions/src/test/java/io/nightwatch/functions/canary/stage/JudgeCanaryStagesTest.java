package io.nightwatch.functions.canary.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.canary.CanaryJudge;
import io.nightwatch.functions.metrics.SeriesPoint;
import io.nightwatch.functions.canary.release.ReleaseKeys;
import io.nightwatch.schemas.CanaryMetricVerdict;
import io.nightwatch.schemas.CanaryOutcome;
import io.nightwatch.schemas.CanaryVerdict;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The stage judge operator: windows follow release events in event time; a stage is judged once, then forgotten. */
class JudgeCanaryStagesTest {

    private static final Instant STAGE_START = Instant.parse("2026-11-22T05:40:00Z");
    private static final long WINDOW_SECONDS = 60;
    private static final List<String> BASELINE = List.of("checkout-2", "checkout-3", "checkout-4");

    private static KeyedTwoInputStreamOperatorTestHarness<String, SeriesPoint, ReleaseEvent, JudgedStage> harness()
            throws Exception {
        JudgeCanaryStages fn = new JudgeCanaryStages(new StageJudge(CanaryJudge.enhanced(), CanaryConfig.defaults()),
                new StageTransitions(Duration.ofSeconds(10)));
        var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(fn, new ReleaseKeys.PointService(),
                new ReleaseKeys.EventService(), Types.STRING);
        h.open();
        return h;
    }

    static ReleaseEvent event(ReleaseStatus status, int stage, List<String> canary, List<String> baseline,
            Instant at) {
        return new ReleaseEvent("rel-1:" + status + ":" + stage, "rel-1", "checkout", "1.5.0", "1.4.2", stage, 3,
                status, canary, baseline, List.of(), WINDOW_SECONDS, 75, 50, null, at);
    }

    static ReleaseEvent stageOne() {
        return event(ReleaseStatus.STAGE_STARTED, 1, List.of("checkout-1"), BASELINE, STAGE_START);
    }

    private static SeriesPoint point(String instance, String metric, long offsetSeconds, double value) {
        return new SeriesPoint("checkout/" + instance + "/" + metric, "checkout", instance, metric, Map.of(),
                STAGE_START.toEpochMilli() + offsetSeconds * 1000, value);
    }

    /** Every metric of every instance every 5 s over [from, to) seconds after the stage start. */
    private static void feedTicks(KeyedTwoInputStreamOperatorTestHarness<String, SeriesPoint, ReleaseEvent, JudgedStage> h,
            long from, long to, double canaryLatencyFactor) throws Exception {
        for (long s = from; s < to; s += 5) {
            int i = (int) (s / 5);
            for (String instance : List.of("checkout-1", "checkout-2", "checkout-3", "checkout-4")) {
                boolean canary = instance.equals("checkout-1");
                double wobble = ((i * 7 + instance.hashCode()) % 11) - 5; // deterministic noise in [-5, 5]
                feed(h, point(instance, "latency_ms", s, (120 + wobble) * (canary ? canaryLatencyFactor : 1)));
                feed(h, point(instance, "cpu", s, 45 + wobble / 2));
                feed(h, point(instance, "error_rate", s, 0.004 + wobble / 10_000));
                feed(h, point(instance, "requests", s, 275));
                feed(h, point(instance, "errors", s, (i + instance.length()) % 3 == 0 ? 2 : 1));
            }
        }
    }

    private static void feed(KeyedTwoInputStreamOperatorTestHarness<String, SeriesPoint, ReleaseEvent, JudgedStage> h,
            SeriesPoint p) throws Exception {
        h.processElement1(new StreamRecord<>(p, p.ts()));
    }

    private static int stateEntries(KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, ?> h) {
        return ((HeapKeyedStateBackend<?>) h.getOperator().getKeyedStateBackend()).numKeyValueStateEntries();
    }

    private static long watermarkAt(long offsetSeconds) {
        return STAGE_START.toEpochMilli() + offsetSeconds * 1000;
    }

    @Test
    void rollsBackCanaryWhenLatencyRegressesJudgingOnceWhenTheWatermarkPassesTheWindow() throws Exception {
        try (var h = harness()) {
            h.processElement2(new StreamRecord<>(stageOne(), STAGE_START.toEpochMilli()));
            feedTicks(h, 0, 70, 1.5);
            h.processWatermark1(new Watermark(watermarkAt(59)));
            h.processWatermark2(new Watermark(watermarkAt(59)));
            assertThat(h.extractOutputValues()).isEmpty();

            h.processWatermark1(new Watermark(watermarkAt(60)));
            h.processWatermark2(new Watermark(watermarkAt(60)));
            List<JudgedStage> out = h.extractOutputValues();
            assertThat(out).hasSize(1);
            CanaryVerdict v = out.get(0).verdict();
            assertThat(v.verdictId()).isEqualTo("rel-1:1");
            assertThat(v.outcome()).isEqualTo(CanaryOutcome.FAIL);
            assertThat(v.score()).isZero();
            assertThat(v.windowStart()).isEqualTo(STAGE_START.plusSeconds(10));
            assertThat(v.windowEnd()).isEqualTo(STAGE_START.plusSeconds(60));
            assertThat(v.judgedAt()).isEqualTo(STAGE_START.plusSeconds(60));
            assertThat(v.canaryInstances()).containsExactly("checkout-1");
            assertThat(v.baselineInstances()).isEqualTo(BASELINE);
            assertThat(v.metrics()).extracting(CanaryMetricVerdict::metric, CanaryMetricVerdict::classification,
                            CanaryMetricVerdict::canaryCount, CanaryMetricVerdict::baselineCount)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("latency_ms", "High", 10, 30),
                            org.assertj.core.groups.Tuple.tuple("errors", "Pass", 10, 30),
                            org.assertj.core.groups.Tuple.tuple("error_rate", "Pass", 10, 30),
                            org.assertj.core.groups.Tuple.tuple("cpu", "Pass", 10, 30));
            assertThat(v.reason()).startsWith("score 0.00 below marginal 50: latency_ms High (critical)");
            assertThat(out.get(0).metrics().get(0).statisticsJson()).contains("\"classification\":\"High\"",
                    "\"mannWhitney\":{");
            assertThat(out.get(0).groupScoresJson()).contains("\"latency\":{");
            assertThat(stateEntries(h)).isZero();
            assertThat(h.numEventTimeTimers()).isZero();

            feedTicks(h, 70, 90, 1.5); // later points of a judged stage are not kept
            h.processWatermark1(new Watermark(watermarkAt(200)));
            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(stateEntries(h)).isZero();
        }
    }

    @Test
    void passesAHealthyCanary() throws Exception {
        try (var h = harness()) {
            h.processElement2(new StreamRecord<>(stageOne(), STAGE_START.toEpochMilli()));
            feedTicks(h, 0, 65, 1.0);
            h.processBothWatermarks(new Watermark(watermarkAt(60)));
            CanaryVerdict v = h.extractOutputValues().get(0).verdict();
            assertThat(v.outcome()).isEqualTo(CanaryOutcome.PASS);
            assertThat(v.score()).isEqualTo(100.0);
            assertThat(v.reason()).isEqualTo("score 100.00 >= pass threshold 75");
        }
    }

    @Test
    void aReleaseEventThatArrivesAfterTheFirstPointsStillOpensTheWindowAtItsOwnTime() throws Exception {
        try (var h = harness()) {
            feedTicks(h, 0, 30, 1.5); // points first (another partition was faster)
            h.processElement2(new StreamRecord<>(stageOne(), STAGE_START.toEpochMilli()));
            feedTicks(h, 30, 65, 1.5);
            h.processBothWatermarks(new Watermark(watermarkAt(60)));
            CanaryVerdict v = h.extractOutputValues().get(0).verdict();
            // the points of [10 s, 30 s) arrived before the event and are lost: 6 ticks of 10 are judged
            assertThat(v.metrics().get(0).canaryCount()).isEqualTo(6);
            assertThat(v.outcome()).isEqualTo(CanaryOutcome.NOT_ENOUGH_DATA);
            assertThat(v.reason()).startsWith("score 0.00: Canary Failed:");
        }
    }

    @Test
    void releaseEventsWaitForTheMetricsEventTimeSoPointsBeforeTheEventAreNotCounted() throws Exception {
        try (var h = harness()) {
            // the event comes first but starts at +0; points at -20 s..+65 s; the window opens at +10 s
            h.processElement2(new StreamRecord<>(stageOne(), STAGE_START.toEpochMilli()));
            for (long s = -20; s < 0; s += 5) {
                feed(h, point("checkout-1", "latency_ms", s, 999));
            }
            feedTicks(h, 0, 65, 1.0);
            h.processBothWatermarks(new Watermark(watermarkAt(60)));
            assertThat(h.extractOutputValues().get(0).verdict().metrics().get(0).canaryCount()).isEqualTo(10);
        }
    }

    @Test
    void aRollbackDuringTheWindowEndsTheAnalysisUnjudgedAndAFinalStageIsNotJudged() throws Exception {
        try (var h = harness()) {
            h.processElement2(new StreamRecord<>(stageOne(), STAGE_START.toEpochMilli()));
            feedTicks(h, 0, 30, 1.5);
            ReleaseEvent rollback = event(ReleaseStatus.ROLLED_BACK, 1, List.of(), List.of(), STAGE_START.plusSeconds(30));
            h.processElement2(new StreamRecord<>(rollback, rollback.at().toEpochMilli()));
            ReleaseEvent finalStage = event(ReleaseStatus.STAGE_STARTED, 3, List.of("checkout-3", "checkout-4"),
                    List.of(), STAGE_START.plusSeconds(40));
            h.processElement2(new StreamRecord<>(finalStage, finalStage.at().toEpochMilli()));
            feedTicks(h, 30, 120, 1.5);
            h.processBothWatermarks(new Watermark(watermarkAt(200)));
            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(stateEntries(h)).isZero();
        }
    }

    @Test
    void aStageOfAnotherReleaseOfTheServiceReplacesTheOneUnderAnalysis() throws Exception {
        try (var h = harness()) {
            h.processElement2(new StreamRecord<>(stageOne(), STAGE_START.toEpochMilli()));
            ReleaseEvent other = new ReleaseEvent("rel-2:x", "rel-2", "checkout", "1.6.0", "1.4.2", 1, 2,
                    ReleaseStatus.STAGE_STARTED, List.of("checkout-2"), List.of("checkout-1", "checkout-3"), List.of(),
                    WINDOW_SECONDS, 0, 0, null, STAGE_START.plusSeconds(5));
            h.processElement2(new StreamRecord<>(other, other.at().toEpochMilli()));
            feedTicks(h, 0, 80, 1.0);
            h.processBothWatermarks(new Watermark(watermarkAt(70)));
            List<JudgedStage> out = h.extractOutputValues();
            assertThat(out).extracting(j -> j.verdict().verdictId()).containsExactly("rel-2:1");
            assertThat(out.get(0).verdict().passThreshold()).isEqualTo(75.0); // none given: the config's
        }
    }
}

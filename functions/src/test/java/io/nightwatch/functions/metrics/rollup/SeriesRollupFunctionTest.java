package io.nightwatch.functions.metrics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.anomaly.DetectorParams;
import io.nightwatch.functions.metrics.SeriesPoint;
import io.nightwatch.schemas.Resolution;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The per-series operator: rollups on watermarks, late points to the side output, state and timers bounded. */
class SeriesRollupFunctionTest {

    private static final long BEGINNING = Instant.parse("2026-11-22T05:00:00Z").toEpochMilli();

    /** Keys points by series. */
    static final class BySeries implements KeySelector<SeriesPoint, String> {
        @Override
        public String getKey(SeriesPoint p) {
            return p.series();
        }
    }

    private static SeriesPoint point(String instance, long offsetSeconds, double value) {
        return new SeriesPoint("checkout/" + instance + "/cpu", "checkout", instance, "cpu", Map.of(),
                BEGINNING + offsetSeconds * 1000, value);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SeriesPoint, SketchedRollup> harness() throws Exception {
        var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new SeriesRollupFunction(0, DetectorParams.defaults(), 0.9, 120_000), new BySeries(), Types.STRING);
        h.open();
        return h;
    }

    @Test
    void emitsEveryResolutionAndEndsWithNoStateOrTimersLeft() throws Exception {
        try (var h = harness()) {
            for (int i = 0; i < 120; i++) {
                h.processElement(new StreamRecord<>(point("c1", i * 5L, 40 + i % 7), BEGINNING + i * 5000L));
                h.processElement(new StreamRecord<>(point("c2", i * 5L, 60), BEGINNING + i * 5000L));
            }
            assertThat(h.numKeyedStateEntries()).isEqualTo(2);
            h.processWatermark(new Watermark(BEGINNING + 5 * 60_000));
            assertThat(h.extractOutputValues().stream().filter(r -> r.rollup().resolution() == Resolution.M1)).hasSize(10);
            assertThat(h.extractOutputValues().stream().filter(r -> r.rollup().resolution() == Resolution.M5)).hasSize(2);
            h.processWatermark(new Watermark(BEGINNING + 86_400_000L));
            assertThat(h.extractOutputValues()).hasSize(2 * (10 + 2 + 1 + 1 + 1));
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void latePointsGoToTheSideOutputAndAreNotCounted() throws Exception {
        try (var h = harness()) {
            h.processElement(new StreamRecord<>(point("c1", 10, 1), BEGINNING + 10_000));
            h.processWatermark(new Watermark(BEGINNING + 65_000));
            h.processElement(new StreamRecord<>(point("c1", 20, 99), BEGINNING + 20_000));
            assertThat(h.getSideOutput(SeriesRollupFunction.LATE)).hasSize(1);
            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(h.extractOutputValues().get(0).rollup().max()).isEqualTo(1.0);
        }
    }
}

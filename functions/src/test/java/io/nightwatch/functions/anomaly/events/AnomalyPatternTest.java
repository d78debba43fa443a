package io.nightwatch.functions.anomaly.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.anomaly.DetectorParams;
import io.nightwatch.functions.metrics.PointTimestamp;
import io.nightwatch.functions.metrics.SeriesKey;
import io.nightwatch.functions.metrics.SeriesPoint;
import io.nightwatch.functions.metrics.rollup.ScoredPoint;
import io.nightwatch.functions.metrics.rollup.SeriesRollupFunction;
import io.nightwatch.schemas.Anomaly;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.cep.CEP;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scores of the per-series operator through the CEP pattern: persistent deviations become anomalies, blips do not. */
class AnomalyPatternTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    private static final long BEGINNING = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();
    private static final int SHIFT_AT = 1500;

    /** Keys scored points by series. */
    static final class ByScoredSeries implements KeySelector<ScoredPoint, String> {
        @Override
        public String getKey(ScoredPoint p) {
            return p.series();
        }
    }

    /** Keys anomalies by series. */
    static final class ByAnomalySeries implements KeySelector<Anomaly, String> {
        @Override
        public String getKey(Anomaly a) {
            return a.series();
        }
    }

    private static List<SeriesPoint> series(String name, long seed, DoubleUnaryOperator shape) {
        Random random = new Random(seed);
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double value = shape.applyAsDouble(i) * Math.exp(0.08 * random.nextGaussian());
            points.add(new SeriesPoint(name, "svc", "i1", name, Map.of(), BEGINNING + i * 5000L, value));
        }
        return points;
    }

    @Test
    void aLevelShiftBecomesOneAnomalyWhileSpikesDriftAndNoiseDoNot() throws Exception {
        List<SeriesPoint> points = new ArrayList<>();
        points.addAll(series("shift", 1, i -> i >= SHIFT_AT ? 360 : 120));
        points.addAll(series("spike", 2, i -> i == SHIFT_AT ? 600 : 120));
        points.addAll(series("drift", 3, i -> 120 * (1 + i / 4000.0)));
        for (int s = 0; s < 5; s++) {
            points.addAll(series("noise" + s, 10 + s, i -> 120));
        }
        points.sort((a, b) -> Long.compare(a.ts(), b.ts()));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        SingleOutputStreamOperator<?> scored = env.fromData(points)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<SeriesPoint>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                        .withTimestampAssigner(new PointTimestamp()))
                .keyBy(new SeriesKey())
                .process(new SeriesRollupFunction(0, DetectorParams.defaults(), 0.9, 120_000));
        List<Anomaly> anomalies = new ArrayList<>();
        CEP.pattern(scored.getSideOutput(SeriesRollupFunction.SCORES).keyBy(new ByScoredSeries()),
                        AnomalyPattern.of(0.9, 3, Duration.ofMinutes(2)))
                .process(new ToAnomaly(0.9))
                .keyBy(new ByAnomalySeries())
                .process(new SuppressFlappingAnomalies(Duration.ofMinutes(15).toMillis()))
                .executeAndCollect().forEachRemaining(anomalies::add);

        assertThat(anomalies).extracting(Anomaly::series).containsExactly("shift");
        Anomaly a = anomalies.get(0);
        assertThat(a.windowStart()).isEqualTo(Instant.ofEpochMilli(BEGINNING + SHIFT_AT * 5000L));
        assertThat(a.evidence().values()).hasSize(3).allSatisfy(v -> assertThat(v).isGreaterThan(250.0));
        assertThat(a.evidence().expectedHigh()).isLessThan(250.0);
        assertThat(a.score()).isGreaterThanOrEqualTo(0.9);
    }
}

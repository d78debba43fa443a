package io.nightwatch.functions.canary.stage;

import io.nightwatch.schemas.CanaryVerdict;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.util.Collector;

/** Views of a judged stage for its sinks. */
public final class JudgedStageFunctions {

    private JudgedStageFunctions() {}

    /** The verdict published on {@code nw.canary.verdicts}. */
    public static final class VerdictOf implements MapFunction<JudgedStage, CanaryVerdict> {
        @Override
        public CanaryVerdict map(JudgedStage stage) {
            return stage.verdict();
        }
    }

    /** One {@code canary_verdicts} row per metric. */
    public static final class MetricRows implements FlatMapFunction<JudgedStage, MetricVerdictRow> {
        @Override
        public void flatMap(JudgedStage stage, Collector<MetricVerdictRow> out) {
            for (MetricStatistics m : stage.metrics()) {
                out.collect(new MetricVerdictRow(stage.verdict().release(), stage.verdict().stage(),
                        stage.verdict().judgedAt(), m));
            }
        }
    }
}

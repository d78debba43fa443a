package io.nightwatch.jobs.metrics;

import io.nightwatch.functions.anomaly.DetectorParams;
import io.nightwatch.functions.anomaly.events.AnomalyPattern;
import io.nightwatch.functions.anomaly.events.SuppressFlappingAnomalies;
import io.nightwatch.functions.anomaly.events.ToAnomaly;
import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.functions.metrics.ParseMetricPoints;
import io.nightwatch.functions.metrics.PointTimestamp;
import io.nightwatch.functions.metrics.SeriesKey;
import io.nightwatch.functions.metrics.SeriesPoint;
import io.nightwatch.functions.metrics.rollup.ScoredPoint;
import io.nightwatch.functions.metrics.rollup.SeriesRollupFunction;
import io.nightwatch.functions.metrics.rollup.ServiceRollupFunction;
import io.nightwatch.functions.metrics.rollup.SketchedRollup;
import io.nightwatch.functions.rules.ParseRuleUpdates;
import io.nightwatch.functions.rules.RuleEngineFunction;
import io.nightwatch.functions.rules.RuleUpdate;
import io.nightwatch.functions.rules.RulesDoNotHoldEventTime;
import io.nightwatch.jobs.config.MetricsJobConfig;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.Anomaly;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.Rollup;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.cep.CEP;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The metrics job: raw points → parse and validate (refused → dead letters) → event time → one per-series operator
 * computing rollups at every resolution and the anomaly score → service rollups → PostgreSQL and {@code nw.rollups};
 * rollups → alert rules (broadcast) → {@code nw.alerts}; scores → CEP → {@code nw.anomalies}.
 * It receives its sources and sinks; {@code JobMain} passes the real ones.
 */
public final class MetricsJob {

    public static final String NAME = "metrics";

    /** The job's inputs: raw metric points and raw rule records. */
    public record Sources(Source<RawRecord, ?, ?> metrics, Source<RawRecord, ?, ?> rules) {}

    /** The job's outputs. */
    public record Sinks(Sink<DeadLetter> deadLetters, Sink<Rollup> rollupStore, Sink<Rollup> rollupTopic, Sink<Alert> alerts,
            Sink<Anomaly> anomalyTopic, Sink<Anomaly> anomalyStore, Sink<Rollup> retention) {}

    private final MetricsJobConfig config;

    public MetricsJob(MetricsJobConfig config) {
        this.config = config;
    }

    /** Wires the job's operators between the given sources and sinks. */
    public void defineWorkflow(StreamExecutionEnvironment env, Sources sources, Sinks sinks) {
        SingleOutputStreamOperator<SeriesPoint> points = env
                .fromSource(sources.metrics(), WatermarkStrategy.noWatermarks(), "metrics-source").uid("metrics-source")
                .process(new ParseMetricPoints(config.limits(), NAME)).name("parse-metric-points").uid("parse-metric-points");
        DataStream<SeriesPoint> timed = points
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<SeriesPoint>forBoundedOutOfOrderness(config.outOfOrderness())
                        .withTimestampAssigner(new PointTimestamp())
                        .withIdleness(config.idleness()))
                .name("event-time").uid("event-time");

        SingleOutputStreamOperator<SketchedRollup> seriesRollups = bySeries(env, timed)
                .process(new SeriesRollupFunction(config.allowedLateness().toMillis(),
                        config.anomaly().enabled() ? DetectorParams.defaults() : null,
                        config.anomaly().threshold(), config.anomaly().within().toMillis()))
                .name("rollups-and-scores-per-series").uid("rollups-and-scores-per-series");
        DataStream<SketchedRollup> serviceRollups = seriesRollups
                .keyBy(new ServiceSeriesOfRollup())
                .process(new ServiceRollupFunction()).name("rollups-per-service").uid("rollups-per-service");
        DataStream<Rollup> rollups = seriesRollups.union(serviceRollups)
                .map(new WithoutSketch()).name("rollups").uid("rollups");
        rollups.sinkTo(sinks.rollupStore()).name("rollups-postgres").uid("rollups-postgres");
        rollups.sinkTo(sinks.rollupTopic()).name("rollups-topic").uid("rollups-topic");
        serviceRollups.map(new WithoutSketch()).name("service-rollups").uid("service-rollups")
                .sinkTo(sinks.retention()).name("rollup-retention").uid("rollup-retention").setParallelism(1);

        SingleOutputStreamOperator<RuleUpdate> rules = env
                .fromSource(sources.rules(), WatermarkStrategy.noWatermarks(), "rules-source").uid("rules-source")
                .process(new ParseRuleUpdates(NAME)).name("parse-rules").uid("parse-rules");
        BroadcastStream<RuleUpdate> ruleBroadcast = rules
                .assignTimestampsAndWatermarks(new RulesDoNotHoldEventTime()).name("rules-time").uid("rules-time")
                .broadcast(RuleEngineFunction.RULES);
        rollups.keyBy(new RollupSeries()).connect(ruleBroadcast)
                .process(new RuleEngineFunction(config.ruleStaleWindows())).name("alert-rules").uid("alert-rules")
                .sinkTo(sinks.alerts()).name("alerts-topic").uid("alerts-topic");

        MetricsJobConfig.AnomalySettings a = config.anomaly();
        DataStream<Anomaly> anomalies = CEP.pattern(
                        seriesRollups.getSideOutput(SeriesRollupFunction.SCORES).keyBy(new ScoredPointSeries()),
                        AnomalyPattern.of(a.threshold(), a.count(), a.within()))
                .process(new ToAnomaly(a.threshold())).name("anomaly-pattern").uid("anomaly-pattern")
                .keyBy(new AnomalySeries())
                .process(new SuppressFlappingAnomalies(a.coolDown().toMillis())).name("suppress-flapping").uid("suppress-flapping");
        anomalies.sinkTo(sinks.anomalyTopic()).name("anomalies-topic").uid("anomalies-topic");
        anomalies.sinkTo(sinks.anomalyStore()).name("anomalies-postgres").uid("anomalies-postgres");

        points.getSideOutput(DeadLetters.TAG)
                .union(rules.getSideOutput(DeadLetters.TAG))
                .sinkTo(sinks.deadLetters()).name("dead-letters").uid("dead-letters-sink");
    }

    /**
     * Keys points by series. At parallelism 1 every key is local, so the stream is reinterpreted as keyed and the
     * per-series operator is chained to the parser (no serialization, no network hop); otherwise it is shuffled.
     */
    private static KeyedStream<SeriesPoint, String> bySeries(StreamExecutionEnvironment env, DataStream<SeriesPoint> points) {
        if (env.getParallelism() == 1) {
            return DataStreamUtils.reinterpretAsKeyedStream(points, new SeriesKey());
        }
        return points.keyBy(new SeriesKey());
    }
}

package io.nightwatch.jobs.metrics;

import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.functions.metrics.AggregateSeriesPoints;
import io.nightwatch.functions.metrics.AggregateServiceRollups;
import io.nightwatch.functions.metrics.CountLateRecords;
import io.nightwatch.functions.metrics.EmitRollup;
import io.nightwatch.functions.metrics.ParseMetricPoints;
import io.nightwatch.functions.metrics.PointTimestamp;
import io.nightwatch.functions.metrics.SeriesKey;
import io.nightwatch.functions.metrics.SeriesPoint;
import io.nightwatch.functions.metrics.ServiceSeriesKey;
import io.nightwatch.jobs.config.MetricsJobConfig;
import io.nightwatch.schemas.DeadLetter;
import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.Rollup;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The metrics job: raw points → parse and validate (refused → dead letters) → event time → 1-minute rollups
 * per series and per service → PostgreSQL. It receives its source and sinks; {@code JobMain} passes the real ones.
 */
public final class MetricsJob {

    public static final String NAME = "metrics";

    private static final OutputTag<SeriesPoint> LATE_POINTS = new OutputTag<>("late-points") {};

    private final MetricsJobConfig config;

    public MetricsJob(MetricsJobConfig config) {
        this.config = config;
    }

    /** Wires the job's operators between the given source and sinks. */
    public void defineWorkflow(
            StreamExecutionEnvironment env, Source<RawRecord, ?, ?> source, Sink<DeadLetter> deadLetters, Sink<Rollup> rollups) {
        DataStream<RawRecord> raw = env.fromSource(source, WatermarkStrategy.noWatermarks(), "metrics-source")
                .uid("metrics-source");

        SingleOutputStreamOperator<SeriesPoint> points = raw
                .process(new ParseMetricPoints(config.limits(), NAME))
                .name("parse-metric-points").uid("parse-metric-points");
        points.getSideOutput(DeadLetters.TAG).sinkTo(deadLetters).name("dead-letters").uid("dead-letters-sink");

        DataStream<SeriesPoint> timed = points
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<SeriesPoint>forBoundedOutOfOrderness(config.outOfOrderness())
                        .withTimestampAssigner(new PointTimestamp())
                        .withIdleness(config.idleness()))
                .name("event-time").uid("event-time");

        SingleOutputStreamOperator<Rollup> seriesRollups = timed
                .keyBy(new SeriesKey())
                .window(TumblingEventTimeWindows.of(Resolution.M1.duration()))
                .sideOutputLateData(LATE_POINTS)
                .aggregate(new AggregateSeriesPoints(), new EmitRollup(Resolution.M1))
                .name("rollup-1m-series").uid("rollup-1m-series");
        seriesRollups.getSideOutput(LATE_POINTS)
                .process(new CountLateRecords<>()).name("count-late-points").uid("count-late-points")
                .sinkTo(new DiscardingSink<>()).name("discard-late-points");

        DataStream<Rollup> serviceRollups = seriesRollups
                .keyBy(new ServiceSeriesKey())
                .window(TumblingEventTimeWindows.of(Resolution.M1.duration()))
                .aggregate(new AggregateServiceRollups(), new EmitRollup(Resolution.M1))
                .name("rollup-1m-service").uid("rollup-1m-service");

        seriesRollups.union(serviceRollups).sinkTo(rollups).name("rollups-postgres").uid("rollups-postgres");
    }
}

package io.nightwatch.functions.metrics;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.functions.ingest.RawRecord;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Parses raw Kafka records into metric points; refused records go to the dead-letter side output, counted. */
public final class ParseMetricPoints extends ProcessFunction<RawRecord, SeriesPoint> {

    private final ValidationLimits limits;
    private final String jobName;
    private transient MetricPointParser parser;
    private transient Counter deadLetters;

    public ParseMetricPoints(ValidationLimits limits, String jobName) {
        this.limits = limits;
        this.jobName = jobName;
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new MetricPointParser(limits);
        deadLetters = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(DeadLetters.COUNTER);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<SeriesPoint> out) {
        long now = ctx.timerService().currentProcessingTime();
        try {
            out.collect(parser.parse(raw.value(), now));
        } catch (BadRecordException e) {
            deadLetters.inc();
            ctx.output(DeadLetters.TAG, DeadLetters.of(raw, e.getMessage(), jobName, Instant.ofEpochMilli(now)));
        }
    }
}

package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.functions.ingest.RawRecord;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Parses raw Kafka records of one topic; a refused record goes to the dead-letter side output with the reason and
 * is counted ({@code nightwatch.deadLetters}). The ingest time is the record's timestamp (Kafka's), else the
 * processing time.
 */
public abstract class ParseRecords<T> extends ProcessFunction<RawRecord, T> {

    private static final long serialVersionUID = 1L;

    private final String jobName;
    private transient Counter deadLetters;

    protected ParseRecords(String jobName) {
        this.jobName = jobName;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        deadLetters = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(DeadLetters.COUNTER);
    }

    /** The record's value, or null to skip a well-formed record that is not for this job. */
    protected abstract T parse(RawRecord raw, long receivedAt) throws BadRecordException;

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<T> out) {
        Long ts = ctx.timestamp();
        long receivedAt = ts != null && ts > 0 ? ts : ctx.timerService().currentProcessingTime();
        try {
            T value = parse(raw, receivedAt);
            if (value != null) {
                out.collect(value);
            }
        } catch (BadRecordException e) {
            deadLetters.inc();
            ctx.output(DeadLetters.TAG, DeadLetters.of(raw, e.getMessage(), jobName,
                    Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
        }
    }
}

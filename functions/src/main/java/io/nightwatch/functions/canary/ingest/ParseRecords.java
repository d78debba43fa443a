package io.nightwatch.functions.canary.ingest;

import io.nightwatch.functions.ingest.DeadLetters;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Parses raw Kafka records of one topic into its record type with the shared JSON mapper, then validates them;
 * malformed or invalid records go to the dead-letter side output with the reason, counted in
 * {@code nightwatch.deadLetters}.
 */
public final class ParseRecords<T> extends ProcessFunction<RawRecord, T> implements ResultTypeQueryable<T> {

    private final Class<T> type;
    private final RecordCheck<T> check;
    private final String jobName;
    private transient Counter deadLetters;

    public ParseRecords(Class<T> type, RecordCheck<T> check, String jobName) {
        this.type = type;
        this.check = check;
        this.jobName = jobName;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(DeadLetters.COUNTER);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<T> out) {
        String problem;
        T record = null;
        if (raw.value() == null || raw.value().length == 0) {
            problem = "empty record";
        } else {
            try {
                record = Json.mapper().readValue(raw.value(), type);
                problem = record == null ? "not a JSON object" : check.problem(record);
            } catch (IOException | RuntimeException e) {
                problem = "malformed " + type.getSimpleName() + ": " + firstLine(e.getMessage());
            }
        }
        if (problem == null) {
            out.collect(record);
            return;
        }
        deadLetters.inc();
        long now = ctx.timerService().currentProcessingTime();
        ctx.output(DeadLetters.TAG, DeadLetters.of(raw, problem, jobName, Instant.ofEpochMilli(now)));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.functions.incidents.intake.AlertLimits;
import io.nightwatch.functions.incidents.intake.AlertRecordParser;
import io.nightwatch.functions.incidents.model.AlertInstance;
import java.time.Duration;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.OpenContext;

/** Parses {@code nw.alerts} records into alert instances (refused ones → dead letters). */
public final class ParseAlertRecords extends ParseRecords<AlertInstance> {

    private static final long serialVersionUID = 1L;

    private final AlertLimits limits;
    private final Duration resolveTimeout;
    private transient AlertRecordParser parser;
    private transient LongMinimum firstAt;
    private transient LongMaximum lastAt;

    public ParseAlertRecords(AlertLimits limits, Duration resolveTimeout, String jobName) {
        super(jobName);
        this.limits = limits;
        this.resolveTimeout = resolveTimeout;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        parser = new AlertRecordParser(limits, resolveTimeout);
        firstAt = new LongMinimum();
        lastAt = new LongMaximum();
        getRuntimeContext().addAccumulator(Counters.FIRST_ALERT_AT, firstAt);
        getRuntimeContext().addAccumulator(Counters.LAST_ALERT_AT, lastAt);
    }

    @Override
    protected AlertInstance parse(RawRecord raw, long receivedAt) throws BadRecordException {
        long now = System.currentTimeMillis();
        if (firstAt.getLocalValuePrimitive() == Long.MAX_VALUE) {
            firstAt.add(now);
        }
        lastAt.add(now);
        return parser.parse(raw.value(), receivedAt);
    }
}

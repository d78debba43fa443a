package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.functions.incidents.intake.AlertLimits;
import io.nightwatch.functions.incidents.intake.AnomalyAlerts;
import io.nightwatch.functions.incidents.model.AlertInstance;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;

/** Parses {@code nw.anomalies} records and normalizes each into an alert (refused ones → dead letters). */
public final class ParseAnomalyRecords extends ParseRecords<AlertInstance> {

    private static final long serialVersionUID = 1L;

    private final AlertLimits limits;
    private final Duration resolveTimeout;
    private transient AnomalyAlerts parser;

    public ParseAnomalyRecords(AlertLimits limits, Duration resolveTimeout, String jobName) {
        super(jobName);
        this.limits = limits;
        this.resolveTimeout = resolveTimeout;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        parser = new AnomalyAlerts(limits, resolveTimeout);
    }

    @Override
    protected AlertInstance parse(RawRecord raw, long receivedAt) throws BadRecordException {
        return parser.parse(raw.value(), receivedAt);
    }
}

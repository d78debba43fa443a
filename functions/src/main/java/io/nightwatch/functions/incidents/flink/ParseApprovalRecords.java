package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.functions.incidents.intake.ApprovalRecords;
import io.nightwatch.schemas.IncidentEvent;

/** Parses incident approvals; malformed records → dead letters, records meant for other consumers are skipped. */
public final class ParseApprovalRecords extends ParseRecords<IncidentEvent> {

    private static final long serialVersionUID = 1L;

    public ParseApprovalRecords(String jobName) {
        super(jobName);
    }

    @Override
    protected IncidentEvent parse(RawRecord raw, long receivedAt) throws BadRecordException {
        return ApprovalRecords.parse(raw.value());
    }
}

package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.functions.incidents.intake.ReleaseRecords;
import io.nightwatch.schemas.ReleaseEvent;

/** Parses {@code nw.releases} records for enrichment (refused ones → dead letters). */
public final class ParseReleaseRecords extends ParseRecords<ReleaseEvent> {

    private static final long serialVersionUID = 1L;

    public ParseReleaseRecords(String jobName) {
        super(jobName);
    }

    @Override
    protected ReleaseEvent parse(RawRecord raw, long receivedAt) throws BadRecordException {
        return ReleaseRecords.parse(raw.value());
    }
}

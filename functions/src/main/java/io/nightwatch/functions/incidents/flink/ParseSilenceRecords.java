package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.functions.ingest.RawRecord;
import io.nightwatch.functions.incidents.intake.SilenceRecords;
import io.nightwatch.functions.incidents.model.MuteSignal;

/** Parses {@code nw.silences} records (tombstones delete) into broadcast mute signals (refused ones → dead letters). */
public final class ParseSilenceRecords extends ParseRecords<MuteSignal> {

    private static final long serialVersionUID = 1L;

    public ParseSilenceRecords(String jobName) {
        super(jobName);
    }

    @Override
    protected MuteSignal parse(RawRecord raw, long receivedAt) throws BadRecordException {
        return MuteSignal.ofSilence(SilenceRecords.parse(raw.key(), raw.value()), receivedAt);
    }
}

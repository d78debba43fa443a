package io.nightwatch.functions.incidents.intake;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.ReleaseEvent;
import java.io.UncheckedIOException;

/** Reads {@code ReleaseEvent} records from {@code nw.releases}: a release id, a service and a status are required. */
public final class ReleaseRecords {

    private ReleaseRecords() {}

    public static ReleaseEvent parse(byte[] value) throws BadRecordException {
        if (value == null || value.length == 0) {
            throw new BadRecordException("empty record");
        }
        ReleaseEvent e;
        try {
            e = Json.fromBytes(value, ReleaseEvent.class);
        } catch (UncheckedIOException ex) {
            throw new BadRecordException("malformed JSON: " + AlertRecordParser.firstLine(ex.getCause().getMessage()));
        } catch (RuntimeException ex) {
            throw new BadRecordException("not a release event: " + AlertRecordParser.firstLine(ex.getMessage()));
        }
        if (e == null || e.release() == null || e.release().isBlank()) {
            throw new BadRecordException("missing field 'release'");
        }
        if (e.service() == null || e.service().isBlank()) {
            throw new BadRecordException("missing field 'service'");
        }
        if (e.status() == null) {
            throw new BadRecordException("missing field 'status'");
        }
        return e;
    }
}

package io.nightwatch.functions.incidents.intake;

import io.nightwatch.functions.ingest.BadRecordException;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import java.io.UncheckedIOException;

/**
 * Reads incident approvals from the approvals topic: an {@code IncidentEvent} of type {@code APPROVED} or
 * {@code REJECTED} naming the held incident. Other well-formed records on that topic (approvals of commands,
 * which another consumer handles) are not for this job and are skipped (null).
 */
public final class ApprovalRecords {

    private ApprovalRecords() {}

    public static IncidentEvent parse(byte[] value) throws BadRecordException {
        if (value == null || value.length == 0) {
            throw new BadRecordException("empty record");
        }
        IncidentEvent e;
        try {
            e = Json.fromBytes(value, IncidentEvent.class);
        } catch (UncheckedIOException ex) {
            throw new BadRecordException("malformed JSON: " + AlertRecordParser.firstLine(ex.getCause().getMessage()));
        } catch (RuntimeException ex) {
            return null; // another kind of record on a shared topic
        }
        if (e == null || e.incidentId() == null || e.incidentId().isBlank()
                || (e.type() != IncidentEventType.APPROVED && e.type() != IncidentEventType.REJECTED)) {
            return null;
        }
        return e;
    }
}

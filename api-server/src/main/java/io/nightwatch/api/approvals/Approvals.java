package io.nightwatch.api.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.api.alerts.PublishFailed;
import io.nightwatch.api.alerts.RecordPublisher;
import io.nightwatch.api.http.BadRequest;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operators' decisions on what the incidents job holds for approval, in one form: an {@code APPROVED}/{@code REJECTED}
 * {@code IncidentEvent} on the approvals topic ({@code nw.approvals}, key: the command id, else the incident id) naming
 * who decided and why — for an incident held by a {@code defense} convergence rule, or (attribute {@code commandId})
 * a command held by the guard — recorded in the audit trail once Kafka acknowledged it.
 */
public final class Approvals {

    /** The longest comment kept. */
    public static final int MAX_COMMENT = 500;

    private final RecordPublisher publisher;
    private final ApprovalLog log;
    private final Clock clock;

    public Approvals(RecordPublisher publisher, ApprovalLog log, Clock clock) {
        this.publisher = publisher;
        this.log = log;
        this.clock = clock;
    }

    /** What is held: an incident ({@code commandId} null) or a command of it, with the incident's headline. */
    public record Held(String incidentId, String commandId, String service, String title, String severity, String groupKey) {}

    /** Publishes the decision; returns the event sent. */
    public IncidentEvent decide(Held held, boolean approve, String by, String comment) throws PublishFailed {
        Instant now = clock.instant();
        IncidentEventType type = approve ? IncidentEventType.APPROVED : IncidentEventType.REJECTED;
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("by", by);
        if (comment != null && !comment.isBlank()) {
            attributes.put("comment", comment);
        }
        String subject = held.commandId() == null ? held.incidentId() : held.commandId();
        if (held.commandId() != null) {
            attributes.put("commandId", held.commandId());
        }
        IncidentEvent decision = new IncidentEvent(subject + ":" + type + ":" + now.toEpochMilli(), held.incidentId(), type,
                now, held.service(), held.title(), held.severity(), held.groupKey(), List.of(), attributes, null);
        publisher.publishAll(List.of(new RecordPublisher.Outgoing(publisher.topics().approvals(), subject,
                Json.toBytes(decision), now.toEpochMilli())));
        log.record(new ApprovalLog.Entry(held.commandId() == null ? "incident" : "command", subject, held.incidentId(),
                approve ? "approved" : "rejected", by, attributes.get("comment"), now));
        return decision;
    }

    /** The optional {@code {"comment": "..."}} of a decision's body (400 when the body is not such an object). */
    public static String comment(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new BadRequest("malformed JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest("body must be a JSON object like {\"comment\": \"...\"}");
        }
        JsonNode c = node.get("comment");
        if (c == null || c.isNull()) {
            return null;
        }
        if (!c.isTextual()) {
            throw new BadRequest("field comment: must be a string");
        }
        if (c.asText().length() > MAX_COMMENT) {
            throw new BadRequest("field comment: at most " + MAX_COMMENT + " characters");
        }
        return c.asText();
    }

    public Clock clock() {
        return clock;
    }
}

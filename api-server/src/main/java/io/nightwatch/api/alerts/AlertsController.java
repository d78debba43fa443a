package io.nightwatch.api.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import io.nightwatch.api.http.BadRequest;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP intake of alerts: parses the body, normalizes it ({@link AlertNormalizer}), publishes the valid alerts to
 * {@code nw.alerts} (key: fingerprint, timestamp: the time received) and answers once Kafka acknowledged them.
 * Like Alertmanager, a request with some invalid alerts keeps the valid ones and answers 400 naming the others.
 */
public final class AlertsController {

    private final RecordPublisher publisher;
    private final Clock clock;

    public AlertsController(RecordPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** {@code POST /api/v2/alerts}: what Prometheus sends to an Alertmanager. */
    public void prometheus(Context ctx) {
        Instant now = clock.instant();
        String agent = ctx.header("User-Agent");
        String source = agent != null && agent.toLowerCase(Locale.ROOT).startsWith("prometheus") ? "prometheus" : "alertmanager-api";
        accept(ctx, read(ctx, () -> AlertNormalizer.prometheus(body(ctx), now, source)), now);
    }

    /** {@code POST /api/alerts/webhook}: Alertmanager's webhook payload. */
    public void webhook(Context ctx) {
        Instant now = clock.instant();
        accept(ctx, read(ctx, () -> AlertNormalizer.webhook(body(ctx), now)), now);
    }

    /** {@code POST /api/alerts}: the generic form. */
    public void generic(Context ctx) {
        Instant now = clock.instant();
        accept(ctx, read(ctx, () -> AlertNormalizer.generic(body(ctx), now)), now);
    }

    private interface Reader {
        Normalized read();
    }

    private static Normalized read(Context ctx, Reader reader) {
        try {
            return reader.read();
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new BadRequest("empty body; expected JSON");
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRequest("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private void accept(Context ctx, Normalized n, Instant now) {
        List<RecordPublisher.Outgoing> records = new ArrayList<>(n.alerts().size());
        for (Alert a : n.alerts()) {
            records.add(new RecordPublisher.Outgoing(publisher.topics().alerts(), a.fingerprint(), Json.toBytes(a), now.toEpochMilli()));
        }
        if (!records.isEmpty()) {
            try {
                publisher.publishAll(records);
            } catch (PublishFailed e) {
                throw new ServiceUnavailableResponse("alerts not accepted: " + e.getMessage());
            }
        }
        if (n.refused().isEmpty()) {
            ctx.status(200).json(new IntakeResult("success", records.size(), null));
        } else {
            ctx.status(400).json(new IntakeResult("error", records.size(),
                    n.refused().size() + " of " + n.total() + " alerts refused: " + String.join("; ", n.refused())));
        }
    }
}

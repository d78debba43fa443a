package io.nightwatch.api.silences;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import io.nightwatch.api.alerts.PublishFailed;
import io.nightwatch.api.alerts.RecordPublisher;
import io.nightwatch.api.auth.AccessControl;
import io.nightwatch.api.http.BadRequest;
import io.nightwatch.api.http.NotFound;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.Matcher;
import io.nightwatch.schemas.Silence;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Silences: create, update, expire and list. A change is stored in PostgreSQL and published to the compacted
 * {@code nw.silences} topic in one step (the row is committed only once Kafka acknowledged), so the API and the job
 * agree. As in Alertmanager, changing the matchers or start of a silence that already started expires it and
 * creates a new one; expiring sets its end to now.
 */
public final class SilencesController {

    private static final int MAX_LIST = 1000;
    private final SilenceRepository silences;
    private final RecordPublisher publisher;
    private final Clock clock;

    public SilencesController(SilenceRepository silences, RecordPublisher publisher, Clock clock) {
        this.silences = silences;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** {@code GET /api/silences[?state=active|pending|expired]}. */
    public void list(Context ctx) {
        String state = ctx.queryParam("state");
        if (state != null && !List.of("active", "pending", "expired").contains(state)) {
            throw new BadRequest("query parameter 'state': expected active, pending or expired, got '" + state + "'");
        }
        Instant now = clock.instant();
        List<SilenceView> out = new ArrayList<>();
        for (Silence s : silences.list(MAX_LIST)) {
            SilenceView v = view(s, now);
            if (state == null || state.equals(v.status().state())) {
                out.add(v);
            }
        }
        ctx.json(out);
    }

    /** {@code GET /api/silences/{id}}. */
    public void get(Context ctx) {
        ctx.json(view(existing(ctx.pathParam("id")), clock.instant()));
    }

    /** {@code POST /api/silences}: creates (or updates, with {@code id}); answers {@code {"silenceID": ...}}. */
    public void post(Context ctx) {
        PostableSilence body;
        try {
            body = Json.mapper().readValue(ctx.body(), PostableSilence.class);
        } catch (JsonProcessingException e) {
            throw new BadRequest("malformed silence: " + e.getOriginalMessage());
        }
        if (body == null) {
            throw new BadRequest("empty body; expected a silence");
        }
        Instant now = clock.instant();
        List<Matcher> matchers = body.matchers() == null ? List.of()
                : body.matchers().stream().map(m -> m == null ? null : m.toMatcher()).toList();
        String createdBy = body.createdBy() == null || body.createdBy().isBlank()
                ? AccessControl.caller(ctx).name() : body.createdBy();
        Instant startsAt = body.startsAt() == null ? now : body.startsAt();
        String problem = SilenceRules.problem(matchers, startsAt, body.endsAt(), createdBy, body.comment(), now);
        if (problem != null) {
            throw new BadRequest(problem);
        }
        List<Silence> changes = new ArrayList<>();
        String id = body.id();
        if (id != null && !id.isBlank()) {
            Silence old = existing(id);
            boolean started = !old.startsAt().isAfter(now);
            boolean reshaped = !old.matchers().equals(matchers) || !old.startsAt().equals(startsAt);
            if (started && reshaped && !old.endsAt().isBefore(now)) {
                changes.add(new Silence(old.id(), old.matchers(), old.startsAt(), now, old.createdBy(), old.comment(), now));
                id = UUID.randomUUID().toString();
            }
        } else {
            id = UUID.randomUUID().toString();
        }
        changes.add(new Silence(id, matchers, startsAt, body.endsAt(), createdBy, body.comment(), now));
        save(changes, now);
        ctx.json(Map.of("silenceID", id));
    }

    /** {@code DELETE /api/silences/{id}}: expires the silence now. */
    public void expire(Context ctx) {
        Silence s = existing(ctx.pathParam("id"));
        Instant now = clock.instant();
        if (s.endsAt().isBefore(now)) {
            ctx.json(view(s, now));
            return;
        }
        Instant start = s.startsAt().isAfter(now) ? now : s.startsAt();
        Silence expired = new Silence(s.id(), s.matchers(), start, now, s.createdBy(), s.comment(), now);
        save(List.of(expired), now);
        ctx.json(view(expired, now));
    }

    private void save(List<Silence> changes, Instant now) {
        try {
            silences.jdbi().useTransaction(h -> {
                List<RecordPublisher.Outgoing> out = new ArrayList<>();
                for (Silence s : changes) {
                    silences.upsert(h, s);
                    out.add(new RecordPublisher.Outgoing(publisher.topics().silences(), s.id(), Json.toBytes(s), now.toEpochMilli()));
                }
                publisher.publishAll(out);
            });
        } catch (PublishFailed e) {
            throw new ServiceUnavailableResponse("silence not saved: " + e.getMessage());
        }
    }

    private Silence existing(String id) {
        return silences.find(id).orElseThrow(() -> new NotFound("no silence with id '" + id + "'"));
    }

    private static SilenceView view(Silence s, Instant now) {
        return new SilenceView(s.id(), new SilenceView.Status(SilenceView.stateAt(s.startsAt(), s.endsAt(), now)),
                s.matchers(), s.startsAt(), s.endsAt(), s.createdBy(), s.comment(), s.updatedAt());
    }
}

package io.nightwatch.api.incidents;

import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import io.nightwatch.api.alerts.PublishFailed;
import io.nightwatch.api.approvals.Approvals;
import io.nightwatch.api.auth.AccessControl;
import io.nightwatch.api.http.BadRequest;
import io.nightwatch.api.http.NotFound;
import io.nightwatch.api.http.QueryParams;
import io.nightwatch.schemas.IncidentEventType;
import java.util.List;
import java.util.Map;

/**
 * Incidents: the list, one incident (with what a summary collected), its event log; and the approval of an
 * incident that a {@code defense} convergence rule holds (through {@link Approvals}: the approvals topic, which the
 * job reads — the same path as the approval of a held command).
 */
public final class IncidentsController {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;
    static final int MAX_EVENTS = 2000;
    private final IncidentRepository incidents;
    private final Approvals approvals;

    public IncidentsController(IncidentRepository incidents, Approvals approvals) {
        this.incidents = incidents;
        this.approvals = approvals;
    }

    /** {@code GET /api/incidents?status=open|resolved&service=&severity=&all=true&limit=200}. */
    public void list(Context ctx) {
        String status = ctx.queryParam("status");
        if (status != null && !status.equals("open") && !status.equals("resolved")) {
            throw new BadRequest("query parameter 'status': expected open or resolved, got '" + status + "'");
        }
        int limit = QueryParams.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        boolean all = "true".equals(ctx.queryParam("all"));
        ctx.json(incidents.list(new IncidentRepository.Filter(status, blankToNull(ctx.queryParam("service")),
                blankToNull(ctx.queryParam("severity")), !all, limit)));
    }

    /** {@code GET /api/incidents/{id}}. */
    public void get(Context ctx) {
        IncidentView i = existing(ctx.pathParam("id"));
        ctx.json(new IncidentDetail(i, "summary".equals(i.kind()) ? incidents.members(i.id()) : List.of()));
    }

    /** {@code GET /api/incidents/{id}/events}. */
    public void events(Context ctx) {
        IncidentView i = existing(ctx.pathParam("id"));
        ctx.json(incidents.events(i.id(), MAX_EVENTS));
    }

    /** {@code POST /api/incidents/{id}/approve}. */
    public void approve(Context ctx) {
        decide(ctx, IncidentEventType.APPROVED);
    }

    /** {@code POST /api/incidents/{id}/reject}. */
    public void reject(Context ctx) {
        decide(ctx, IncidentEventType.REJECTED);
    }

    private void decide(Context ctx, IncidentEventType type) {
        IncidentView i = existing(ctx.pathParam("id"));
        if (!"held".equals(i.convergence())) {
            throw new ConflictResponse("incident " + i.id() + " is not held for approval (convergence: " + i.convergence() + ")");
        }
        String comment = Approvals.comment(ctx.body());
        try {
            approvals.decide(new Approvals.Held(i.id(), null, i.service(), i.title(), i.severity(), i.groupKey()),
                    type == IncidentEventType.APPROVED, AccessControl.caller(ctx).name(), comment);
        } catch (PublishFailed e) {
            throw new ServiceUnavailableResponse("decision not recorded: " + e.getMessage());
        }
        ctx.status(202).json(Map.of("incident", i.id(), "decision", type.name().toLowerCase()));
    }

    private IncidentView existing(String id) {
        return incidents.find(id).orElseThrow(() -> new NotFound("no incident with id '" + id + "'"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

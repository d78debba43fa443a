package io.nightwatch.api.services;

import io.javalin.http.Context;
import io.nightwatch.api.http.BadRequest;
import io.nightwatch.api.http.NotFound;
import io.nightwatch.api.http.QueryParams;
import io.nightwatch.schemas.Resolution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** HTTP for services: the list with latest figures, and one metric of one service over time. */
public final class ServicesController {

    static final int MAX_POINTS = 5000;
    private final ServiceRepository services;
    private final Clock clock;

    public ServicesController(ServiceRepository services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** {@code GET /api/services}. */
    public void list(Context ctx) {
        ctx.json(services.list());
    }

    /** {@code GET /api/services/{name}/metrics?metric=&resolution=&from=&to=} (default: the last hour at 1m). */
    public void metrics(Context ctx) {
        String service = ctx.pathParam("name");
        String metric = QueryParams.required(ctx, "metric");
        Resolution resolution = QueryParams.resolution(ctx, "resolution", Resolution.M1);
        Instant to = QueryParams.instant(ctx, "to", clock.instant());
        Instant from = QueryParams.instant(ctx, "from", to.minus(Duration.ofHours(1)));
        if (!from.isBefore(to)) {
            throw new BadRequest("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        if (!services.exists(service)) {
            throw new NotFound("no service named '" + service + "'");
        }
        ctx.json(new MetricSeries(service, metric, resolution.label(),
                services.series(service, metric, resolution, from, to, MAX_POINTS)));
    }
}

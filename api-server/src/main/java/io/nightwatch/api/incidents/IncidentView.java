package io.nightwatch.api.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An incident as the API shows it. {@code kind}: group (an aggregation group's incident) or summary (convergence). */
public record IncidentView(
        String id,
        String kind,
        String title,
        String service,
        String severity,
        Integer priority,
        String status,
        String route,
        String groupKey,
        String releaseId,
        int alertCount,
        int firingCount,
        Map<String, String> labels,
        List<String> instances,
        String summary,
        String convergence,
        String convergedInto,
        int notificationCount,
        Instant openedAt,
        Instant updatedAt,
        Instant resolvedAt,
        Instant lastNotifiedAt) {}

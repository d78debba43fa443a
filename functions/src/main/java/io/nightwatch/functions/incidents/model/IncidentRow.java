package io.nightwatch.functions.incidents.model;

import java.util.List;
import java.util.Map;

/**
 * A row of the {@code incidents} table as one step leaves it. Null fields keep the stored value (the upsert
 * coalesces), so each step writes only what it knows.
 */
public record IncidentRow(
        String id,
        String kind,
        String service,
        String title,
        String severity,
        Integer priority,
        String status,
        String groupKey,
        String route,
        String releaseId,
        Integer alertCount,
        Integer firingCount,
        Map<String, String> labels,
        List<String> instances,
        String summary,
        String convergence,
        String convergedInto,
        String convergenceKey,
        Integer notificationCount,
        long openedAt,
        long updatedAt,
        Long resolvedAt,
        Long lastNotifiedAt) {}

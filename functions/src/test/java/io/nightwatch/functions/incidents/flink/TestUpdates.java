package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.NotificationKind;
import java.util.List;
import java.util.Map;

/** Builds incident updates for operator tests. */
final class TestUpdates {

    private TestUpdates() {}

    static IncidentUpdate update(String id, NotificationKind kind, long at, String service, String severity, int priority,
            String convergenceKey, Map<String, String> labels, List<String> instances) {
        return new IncidentUpdate(id, kind, false, false, "{}:{alertname=\"A\"}", "hook", at, at, 1, service,
                "A on " + service, severity, priority, labels, labels, instances, List.of("fp-" + id), List.of(), 0, null,
                convergenceKey, null, null, null, null, null);
    }

    static IncidentUpdate opened(String id, long at, String key) {
        return update(id, NotificationKind.OPENED, at, "checkout", "warning", 4, key, Map.of("dependency", "db"), List.of("c-1"));
    }

    static IncidentUpdate resolved(String id, long at, String key) {
        return update(id, NotificationKind.RESOLVED, at, "checkout", "warning", 4, key, Map.of("dependency", "db"), List.of());
    }
}

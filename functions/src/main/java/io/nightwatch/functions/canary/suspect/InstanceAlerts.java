package io.nightwatch.functions.canary.suspect;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Firing alerts that name a service and an instance (labels {@code service} and {@code instance}) with a severity
 * the job watches (all when none are given): one signal each.
 */
public final class InstanceAlerts implements FlatMapFunction<Alert, InstanceSignal> {

    private final Set<String> severities;

    /** @param severities lower-case severities that count; empty: every severity */
    public InstanceAlerts(Set<String> severities) {
        this.severities = Set.copyOf(severities);
    }

    @Override
    public void flatMap(Alert a, Collector<InstanceSignal> out) {
        String service = a.labels().get("service");
        String instance = a.labels().get("instance");
        if (a.status() != AlertStatus.FIRING || service == null || instance == null) {
            return;
        }
        String severity = a.severity() != null ? a.severity() : a.labels().get("severity");
        if (!severities.isEmpty() && (severity == null || !severities.contains(severity.toLowerCase(Locale.ROOT)))) {
            return;
        }
        String name = a.name() != null ? a.name() : a.labels().get("alertname");
        out.collect(InstanceSignal.alert(service, instance, a.startsAt().toEpochMilli(), name, a.fingerprint(),
                severity));
    }
}

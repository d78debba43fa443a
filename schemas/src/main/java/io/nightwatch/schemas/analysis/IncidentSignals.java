package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.Anomaly;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The facts the builtin rules reason about, extracted from a request: which instances are abnormal (firing alerts and
 * anomalies), whether a service-level series is abnormal, which metrics, and when the first signal started. Alert
 * annotations are never read here: the rules cannot be steered by text.
 */
public record IncidentSignals(
        SortedSet<String> affectedInstances,
        boolean serviceLevel,
        SortedSet<String> metrics,
        List<Alert> firing,
        List<Alert> resolved,
        List<Anomaly> anomalies,
        Instant firstSignalAt) {

    /** The label naming the instance an alert is about. */
    public static final String INSTANCE_LABEL = "instance";
    /** The instance name of service-level series. */
    public static final String SERVICE_LEVEL = "*";

    /** Extracts the signals of a request (null-tolerant: the Flink fallback may see incomplete requests). */
    public static IncidentSignals of(AnalysisRequest request) {
        SortedSet<String> affected = new TreeSet<>();
        SortedSet<String> metrics = new TreeSet<>();
        List<Alert> firing = new ArrayList<>();
        List<Alert> resolved = new ArrayList<>();
        boolean serviceLevel = false;
        Instant first = null;
        for (Alert alert : request.alerts()) {
            if (alert == null) {
                continue;
            }
            if (alert.status() == AlertStatus.RESOLVED) {
                resolved.add(alert);
                continue;
            }
            firing.add(alert);
            String instance = alert.labels().get(INSTANCE_LABEL);
            if (Text.blank(instance) || SERVICE_LEVEL.equals(instance)) {
                serviceLevel = true;
            } else {
                affected.add(instance);
            }
            metrics.add(metricOf(alert));
            first = earlier(first, alert.startsAt());
        }
        List<Anomaly> anomalies = request.anomalies().stream().filter(Objects::nonNull).toList();
        for (Anomaly anomaly : anomalies) {
            if (Text.blank(anomaly.instance()) || SERVICE_LEVEL.equals(anomaly.instance())) {
                serviceLevel = true;
            } else {
                affected.add(anomaly.instance());
            }
            if (!Text.blank(anomaly.metric())) {
                metrics.add(anomaly.metric());
            }
            first = earlier(first, anomaly.windowStart());
        }
        return new IncidentSignals(Collections.unmodifiableSortedSet(affected), serviceLevel,
                Collections.unmodifiableSortedSet(metrics), List.copyOf(firing), List.copyOf(resolved), anomalies, first);
    }

    /** True when nothing is abnormal any more: no firing alert and no anomaly. */
    public boolean quiet() {
        return firing.isEmpty() && anomalies.isEmpty();
    }

    /** The metric an alert is about: its {@code metric} label, else its name. */
    public static String metricOf(Alert alert) {
        String metric = alert.labels().get("metric");
        if (!Text.blank(metric)) {
            return metric;
        }
        String name = Text.blank(alert.name()) ? alert.labels().get("alertname") : alert.name();
        return Text.blank(name) ? "unknown" : name;
    }

    /** The rule an alert came from: label {@code rule_id}, else {@code rule}, else {@code alertname}, else its name. */
    public static String ruleOf(Alert alert) {
        for (String label : List.of("rule_id", "rule", "alertname")) {
            String value = alert.labels().get(label);
            if (!Text.blank(value)) {
                return value;
            }
        }
        return alert.name();
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}

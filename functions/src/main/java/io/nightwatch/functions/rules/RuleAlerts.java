package io.nightwatch.functions.rules;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.Rollup;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Builds the {@link Alert} of a rule's transition on a series: labels identify (rule, series), so the fingerprint is stable. */
public final class RuleAlerts {

    /** The {@code source} of alerts raised by alert rules. */
    public static final String SOURCE = "nightwatch-rules";

    private RuleAlerts() {}

    /** The alert of a rule on a series; {@code endsAt} null while firing. */
    public static Alert alert(AlertRule rule, Rollup r, AlertStatus status, Instant startsAt, Instant endsAt, double value) {
        Map<String, String> labels = new HashMap<>(r.labels());
        labels.putAll(rule.labels());
        labels.put("alertname", rule.name());
        labels.put("rule_id", rule.id());
        labels.put("service", r.service());
        labels.put("instance", r.instance());
        labels.put("metric", r.metric());
        labels.put("severity", rule.severity() == null ? "warning" : rule.severity());
        Map<String, String> annotations = new HashMap<>(rule.annotations());
        annotations.put("value", Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.6g", value));
        annotations.put("condition", rule.condition().field() + " " + rule.condition().comparison() + " "
                + rule.condition().threshold() + (rule.condition().periodSeconds() > 0
                        ? " (ratio to " + rule.condition().periodSeconds() + " s earlier)" : ""));
        annotations.put("rule_version", Integer.toString(rule.version()));
        annotations.put("resolution", rule.resolution().label());
        return new Alert(null, SOURCE, rule.name(), labels.get("severity"), status, Map.copyOf(labels),
                Map.copyOf(annotations), startsAt, endsAt, null);
    }

    /** The resolution of a firing alert: same labels and fingerprint, status resolved, an end time and a reason. */
    public static Alert resolution(Alert firing, Instant endsAt, String reason) {
        Map<String, String> annotations = new HashMap<>(firing.annotations());
        if (reason != null) {
            annotations.put("resolved_because", reason);
        }
        return new Alert(firing.fingerprint(), firing.source(), firing.name(), firing.severity(), AlertStatus.RESOLVED,
                firing.labels(), Map.copyOf(annotations), firing.startsAt(), endsAt, firing.generatorUrl());
    }

    /** The label set the rule engine matches rules against: the series labels plus service, instance and metric. */
    public static Map<String, String> matchLabels(Rollup r) {
        Map<String, String> labels = new HashMap<>(r.labels());
        labels.put("service", r.service());
        labels.put("instance", r.instance());
        labels.put("metric", r.metric());
        return labels;
    }
}

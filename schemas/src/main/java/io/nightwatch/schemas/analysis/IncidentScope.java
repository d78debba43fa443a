package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.Anomaly;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What an incident's decision may touch: its service, its instances (the request's, its alerts' and its anomalies'),
 * its release, the rules that fired and the alerts' fingerprints. Wildcards are never in scope. Used by the analyzer
 * to refuse a model's out-of-scope answer and by the guard before anything becomes a command.
 */
public record IncidentScope(
        String service,
        SortedSet<String> instances,
        String release,
        SortedSet<String> rules,
        SortedSet<String> fingerprints) {

    /** The scope of a request. */
    public static IncidentScope of(AnalysisRequest request) {
        SortedSet<String> instances = new TreeSet<>();
        SortedSet<String> rules = new TreeSet<>();
        SortedSet<String> fingerprints = new TreeSet<>();
        request.instances().forEach(i -> addInstance(instances, i));
        for (Alert alert : request.alerts()) {
            if (alert == null) {
                continue;
            }
            addInstance(instances, alert.labels().get(IncidentSignals.INSTANCE_LABEL));
            String rule = IncidentSignals.ruleOf(alert);
            if (!Text.blank(rule)) {
                rules.add(rule);
            }
            if (!Text.blank(alert.fingerprint())) {
                fingerprints.add(alert.fingerprint());
            }
        }
        for (Anomaly anomaly : request.anomalies()) {
            if (anomaly != null) {
                addInstance(instances, anomaly.instance());
            }
        }
        String release = request.release() == null || Text.blank(request.release().release())
                ? null : request.release().release();
        return new IncidentScope(request.service(), Collections.unmodifiableSortedSet(instances), release,
                Collections.unmodifiableSortedSet(rules), Collections.unmodifiableSortedSet(fingerprints));
    }

    /** Why {@code target} is outside this scope for {@code action}, or empty when it is inside. */
    public Optional<String> outOfScope(AnalysisAction action, String target) {
        if (action == null) {
            return Optional.of("no action");
        }
        if (action == AnalysisAction.NONE) {
            return Optional.empty();
        }
        if (Text.blank(target)) {
            return Optional.of(action + " needs a target");
        }
        return switch (action) {
            case ROLLBACK_RELEASE -> release == null
                    ? Optional.of("the incident has no release to roll back")
                    : require(target.equals(release), "target '" + target + "' is not the incident's release " + release);
            case RESTART_INSTANCE -> require(instances.contains(target),
                    "target '" + target + "' is not one of the incident's instances (" + Text.list(instances) + ")");
            case SCALE_OUT, NOTIFY -> require(target.equals(service),
                    "target '" + target + "' is not the incident's service " + service);
            case ADJUST_RULE -> require(rules.contains(target),
                    "target '" + target + "' is not a rule that fired in the incident (" + Text.list(rules) + ")");
            case SILENCE -> require(fingerprints.contains(target) || rules.contains(target),
                    "target '" + target + "' is neither an alert fingerprint nor a rule of the incident");
            case NONE -> Optional.empty();
        };
    }

    private static Optional<String> require(boolean inside, String reason) {
        return inside ? Optional.empty() : Optional.of(reason);
    }

    private static void addInstance(SortedSet<String> instances, String instance) {
        if (!Text.blank(instance) && !IncidentSignals.SERVICE_LEVEL.equals(instance)) {
            instances.add(instance);
        }
    }
}

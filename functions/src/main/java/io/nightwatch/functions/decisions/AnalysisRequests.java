package io.nightwatch.functions.decisions;

import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.AnalysisRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds what the analyzer is asked about an incident: its service, title, severity, instances and release context
 * (from enrichment), and its alerts with every recent firing episode of each (from {@link AlertHistory}), at most
 * {@value #MAX_ALERTS} (the most recent). A summary incident (convergence collected its members) is described by one
 * alert of its own, named {@value #SUMMARY_ALERT}, with the labels its members share. Pure.
 */
public final class AnalysisRequests {

    /** Alerts (episodes) sent at most; the analyzer accepts 200. */
    public static final int MAX_ALERTS = 100;
    /** The name of the alert standing for a summary incident. */
    public static final String SUMMARY_ALERT = "ConvergedIncidents";

    private AnalysisRequests() {}

    /** The request id of an incident's analysis requested at {@code at} (stable across replays). */
    public static String requestId(String incidentId, long at) {
        return incidentId + "@" + at;
    }

    /**
     * The request for {@code u}; {@code episodesOf} gives the recent episodes of a fingerprint (null when unknown).
     */
    public static AnalysisRequest of(IncidentUpdate u, Function<String, AlertEpisodes> episodesOf) {
        Instant at = Instant.ofEpochMilli(u.at());
        List<Alert> alerts = new ArrayList<>();
        if (u.summary()) {
            alerts.add(summaryAlert(u, at));
        } else {
            TreeSet<String> fingerprints = new TreeSet<>(u.firing());
            fingerprints.addAll(u.resolved());
            for (String fp : fingerprints) {
                AlertEpisodes episodes = episodesOf.apply(fp);
                if (episodes != null) {
                    alerts.addAll(AlertHistory.at(episodes, at));
                }
            }
        }
        alerts.sort(Comparator.comparing(Alert::startsAt).thenComparing(Alert::fingerprint));
        if (alerts.size() > MAX_ALERTS) {
            alerts = new ArrayList<>(alerts.subList(alerts.size() - MAX_ALERTS, alerts.size()));
        }
        Instant windowStart = Instant.ofEpochMilli(Math.min(u.openedAt(), u.at()));
        for (Alert a : alerts) {
            if (a.startsAt() != null && a.startsAt().isBefore(windowStart)) {
                windowStart = a.startsAt();
            }
        }
        return new AnalysisRequest(requestId(u.incidentId(), u.at()), u.incidentId(), u.service(), u.title(),
                u.severity(), u.instances(), alerts, List.of(), u.release(), windowStart, at, at);
    }

    private static Alert summaryAlert(IncidentUpdate u, Instant at) {
        Map<String, String> labels = new LinkedHashMap<>(u.commonLabels());
        labels.putAll(u.groupLabels());
        labels.put("alertname", SUMMARY_ALERT);
        if (u.service() != null) {
            labels.put("service", u.service());
        }
        if (u.severity() != null) {
            labels.putIfAbsent("severity", u.severity());
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", u.title() + ": " + u.firing().size() + " incident(s) collected");
        if (u.description() != null) {
            annotations.put("description", u.description());
        }
        return new Alert(null, "nightwatch-convergence", SUMMARY_ALERT, u.severity(), AlertStatus.FIRING, labels,
                annotations, Instant.ofEpochMilli(u.openedAt()), null, null);
    }
}

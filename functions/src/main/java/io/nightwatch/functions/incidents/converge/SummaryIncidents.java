package io.nightwatch.functions.incidents.converge;

import io.nightwatch.functions.incidents.config.ConvergenceRule;
import io.nightwatch.functions.incidents.config.PrioritySettings;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.NotificationKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary incident a {@code collect} rule creates: one incident standing for the peers it collected, titled by
 * the rule and dimension values, as urgent as its most urgent member.
 */
public final class SummaryIncidents {

    private SummaryIncidents() {}

    /** Folds a newly collected member into the summary's headline. */
    public static void absorb(ConvergenceState s, IncidentUpdate member, ConvergenceRule rule, String key) {
        if (s.summaryTitle == null) {
            s.summaryTitle = "Converged: " + rule.name() + " " + dimensionText(rule, member);
            s.summaryService = member.service();
        } else if (s.summaryService != null && !s.summaryService.equals(member.service())) {
            s.summaryService = null;
        }
        if (member.priority() < s.summaryPriority) {
            s.summaryPriority = member.priority();
            s.summarySeverity = member.severity();
        }
    }

    /** The summary's update at {@code at}. */
    public static IncidentUpdate update(ConvergenceState s, ConvergenceRule rule, String key, NotificationKind kind,
            long at, List<String> members) {
        Map<String, String> labels = new TreeMap<>();
        String[] parts = key.split("\\|");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0 && eq < parts[i].length() - 1) {
                labels.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
        }
        String description = s.summaryCollected + " incident(s) collected by convergence rule '" + rule.name()
                + "' (" + rule.function().name().toLowerCase() + ", count " + rule.count() + " per "
                + io.nightwatch.functions.incidents.config.Durations.format(rule.window()) + ")";
        return new IncidentUpdate(s.summaryId, kind, false, true, null, null, at, s.summaryOpenedAt,
                s.summaryCollected, s.summaryService, s.summaryTitle, s.summarySeverity,
                s.summaryPriority == Integer.MAX_VALUE ? PrioritySettings.DEFAULT.order().size() + 1 : s.summaryPriority,
                labels, labels, List.of(), members, List.of(), 0, description, key, null, null, null, "summary", null);
    }

    static String dimensionText(ConvergenceRule rule, IncidentUpdate member) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> labels = new TreeMap<>(member.commonLabels());
        labels.putAll(member.groupLabels());
        for (String d : rule.dimensions()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(d).append('=').append(labels.getOrDefault(d, ""));
        }
        return sb.toString();
    }
}

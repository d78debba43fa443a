package io.nightwatch.functions.incidents.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the incidents job decides by: the routing tree, inhibition rules and {@code resolve_timeout} (read
 * from an Alertmanager-format file), plus Nightwatch's convergence rules and priority settings.
 */
public record IncidentsConfig(
        RouteTree routes,
        List<InhibitRule> inhibitRules,
        Duration resolveTimeout,
        List<ConvergenceRule> convergence,
        PrioritySettings priority) implements Serializable {

    public IncidentsConfig {
        inhibitRules = List.copyOf(inhibitRules);
        convergence = List.copyOf(convergence);
    }

    /** The default: one policy grouping by alertname and service (30s / 5m / 4h), no inhibition, no convergence. */
    public static IncidentsConfig defaults() {
        return IncidentsConfigParser.parse("""
                route:
                  receiver: default
                  group_by: [alertname, service]
                """, "(built-in defaults)");
    }

    /** The first convergence rule matching these labels, or null. */
    public ConvergenceRule convergenceFor(Map<String, String> labels) {
        for (ConvergenceRule rule : convergence) {
            if (rule.matchers().matches(labels)) {
                return rule;
            }
        }
        return null;
    }

    /** The convergence rule a convergence key belongs to (its name is the key's first part), or null. */
    public ConvergenceRule convergenceRuleOf(String convergenceKey) {
        if (convergenceKey == null) {
            return null;
        }
        int bar = convergenceKey.indexOf('|');
        String name = bar < 0 ? convergenceKey : convergenceKey.substring(0, bar);
        for (ConvergenceRule rule : convergence) {
            if (rule.name().equals(name)) {
                return rule;
            }
        }
        return null;
    }

    /** Whether the labels match the source side of any inhibition rule. */
    public boolean isInhibitionSource(Map<String, String> labels) {
        for (InhibitRule rule : inhibitRules) {
            if (rule.source().matches(labels)) {
                return true;
            }
        }
        return false;
    }
}

package io.nightwatch.functions.incidents.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A convergence rule: incidents matching {@code matchers} that share the values of {@code dimensions}, within
 * {@code window}, converge by {@code function} once there are {@code count} of them.
 */
public record ConvergenceRule(
        String name, Matchers matchers, List<String> dimensions, Duration window, int count,
        ConvergeFunction function, Duration approvalTimeout) implements Serializable {

    public ConvergenceRule {
        dimensions = List.copyOf(dimensions);
    }

    /** The key that groups peers: the rule's name and the dimension values ("" when missing). */
    public String keyOf(Map<String, String> labels) {
        StringBuilder sb = new StringBuilder(name);
        for (String d : dimensions) {
            String v = labels.get(d);
            sb.append('|').append(d).append('=').append(v == null ? "" : v);
        }
        return sb.toString();
    }
}

package io.nightwatch.functions.incidents.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * An inhibition rule as in Alertmanager: a firing alert matching the source matchers mutes alerts matching the
 * target matchers that have the same values for the {@code equal} labels (a missing label equals a missing
 * label). An alert that matches both sides cannot be muted by a source that also matches the target side, so an
 * alert never inhibits itself.
 */
public record InhibitRule(int index, Matchers source, Matchers target, List<String> equal) implements Serializable {

    public InhibitRule {
        equal = List.copyOf(equal);
    }

    /** The values of the {@code equal} labels in a label set, as one key ("" for a missing label). */
    public String equalKey(Map<String, String> labels) {
        if (equal.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String name : equal) {
            String v = labels.get(name);
            sb.append(v == null ? "" : v).append('\u0000');
        }
        return sb.toString();
    }
}

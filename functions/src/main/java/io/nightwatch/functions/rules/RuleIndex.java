package io.nightwatch.functions.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the rules that match a series in time independent of the number of rules: rules are grouped by metric, and
 * within a metric each rule with an Equal/In filter is hashed under (label, value) of its first such filter; a series
 * looks up each of its labels, and only those candidates (plus the rules with no such filter) are evaluated in full.
 * Immutable; rebuilt when the rules change.
 */
public final class RuleIndex {

    private static final RuleIndex EMPTY = new RuleIndex(Map.of(), 0);

    private final Map<String, MetricRules> byMetric;
    private final int size;

    private RuleIndex(Map<String, MetricRules> byMetric, int size) {
        this.byMetric = byMetric;
        this.size = size;
    }

    public static RuleIndex empty() {
        return EMPTY;
    }

    /** Indexes the given rules. */
    public static RuleIndex of(Collection<CompiledRule> rules) {
        Map<String, MetricRules> byMetric = new HashMap<>();
        for (CompiledRule r : rules) {
            MetricRules m = byMetric.computeIfAbsent(r.rule().metric(), k -> new MetricRules());
            CompiledFilter anchor = r.anchor();
            if (anchor == null) {
                m.unanchored.add(r);
            } else {
                Map<String, List<CompiledRule>> byValue = m.anchored.computeIfAbsent(anchor.label(), k -> new HashMap<>());
                for (String v : anchor.values()) {
                    byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
                }
            }
        }
        return new RuleIndex(byMetric, rules.size());
    }

    public int size() {
        return size;
    }

    /** Every rule whose metric is {@code metric} and whose filters all pass for {@code labels}. */
    public List<CompiledRule> matching(String metric, Map<String, String> labels) {
        MetricRules m = byMetric.get(metric);
        if (m == null) {
            return List.of();
        }
        List<CompiledRule> out = new ArrayList<>(2);
        for (CompiledRule r : m.unanchored) {
            if (r.matches(labels)) {
                out.add(r);
            }
        }
        if (!m.anchored.isEmpty()) {
            for (Map.Entry<String, Map<String, List<CompiledRule>>> byLabel : m.anchored.entrySet()) {
                List<CompiledRule> candidates = byLabel.getValue().get(labels.getOrDefault(byLabel.getKey(), ""));
                if (candidates != null) {
                    for (CompiledRule r : candidates) {
                        if (r.matches(labels)) {
                            out.add(r);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The rules of one metric. */
    private static final class MetricRules {
        final List<CompiledRule> unanchored = new ArrayList<>();
        final Map<String, Map<String, List<CompiledRule>>> anchored = new HashMap<>();
    }
}

package io.nightwatch.functions.rules;

import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.ConditionKind;
import io.nightwatch.schemas.RuleCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An alert rule validated and compiled for evaluation. */
public final class CompiledRule {

    /** Rollup fields a condition may read. */
    public static final Set<String> FIELDS = Set.of("count", "sum", "min", "max", "avg", "p50", "p90", "p99");
    /** The most windows a ring-ratio rule may look back (e.g. a day of 1-minute windows). */
    public static final long MAX_RING_WINDOWS = 1440;

    private final AlertRule rule;
    private final List<CompiledFilter> filters;

    private CompiledRule(AlertRule rule, List<CompiledFilter> filters) {
        this.rule = rule;
        this.filters = filters;
    }

    /** Validates a rule; the exception names the first problem. */
    public static CompiledRule compile(AlertRule rule) throws InvalidRuleException {
        if (rule.id() == null || rule.id().isBlank()) {
            throw new InvalidRuleException("rule without an id");
        }
        String where = "rule '" + rule.id() + "': ";
        if (rule.version() < 1) {
            throw new InvalidRuleException(where + "version must be >= 1");
        }
        if (rule.metric() == null || rule.metric().isBlank()) {
            throw new InvalidRuleException(where + "missing metric");
        }
        if (rule.resolution() == null) {
            throw new InvalidRuleException(where + "missing resolution");
        }
        if (rule.forSeconds() < 0) {
            throw new InvalidRuleException(where + "forSeconds must be >= 0");
        }
        RuleCondition c = rule.condition();
        if (c == null || c.kind() == null || c.comparison() == null) {
            throw new InvalidRuleException(where + "condition needs kind, field, comparison and threshold");
        }
        if (!FIELDS.contains(c.field())) {
            throw new InvalidRuleException(where + "condition field '" + c.field() + "' is not one of " + FIELDS);
        }
        if (!Double.isFinite(c.threshold())) {
            throw new InvalidRuleException(where + "threshold must be finite");
        }
        if (c.kind() == ConditionKind.RING_RATIO) {
            long res = rule.resolution().seconds();
            if (c.periodSeconds() <= 0 || c.periodSeconds() % res != 0) {
                throw new InvalidRuleException(where + "ring ratio period must be a positive multiple of the resolution ("
                        + res + " s), got " + c.periodSeconds());
            }
            if (c.periodSeconds() / res > MAX_RING_WINDOWS) {
                throw new InvalidRuleException(where + "ring ratio looks back " + c.periodSeconds() / res
                        + " windows; at most " + MAX_RING_WINDOWS + " (use a coarser resolution, e.g. 1h for a week)");
            }
        }
        List<CompiledFilter> filters = new ArrayList<>();
        for (var f : rule.filters()) {
            try {
                filters.add(CompiledFilter.compile(f));
            } catch (InvalidRuleException e) {
                throw new InvalidRuleException(where + e.getMessage());
            }
        }
        return new CompiledRule(rule, List.copyOf(filters));
    }

    public AlertRule rule() {
        return rule;
    }

    public String id() {
        return rule.id();
    }

    public List<CompiledFilter> filters() {
        return filters;
    }

    /** Whether every filter passes for these labels (the metric is checked by the index). */
    public boolean matches(Map<String, String> labels) {
        for (CompiledFilter f : filters) {
            if (!f.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** The first positive equality filter, which anchors the rule in the index; null when there is none. */
    CompiledFilter anchor() {
        for (CompiledFilter f : filters) {
            if (f.isHashable()) {
                return f;
            }
        }
        return null;
    }
}

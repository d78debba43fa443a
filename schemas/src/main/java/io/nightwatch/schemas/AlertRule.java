package io.nightwatch.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A versioned alert rule (compacted topic {@code nw.rules}, key: rule id; a null value deletes the rule).
 * It matches series of {@code metric} whose labels pass every filter; the labels {@code service} and
 * {@code instance} are matched like any other label.
 */
public record AlertRule(
        String id,
        int version,
        String name,
        String metric,
        Resolution resolution,
        List<LabelFilter> filters,
        RuleCondition condition,
        long forSeconds,
        String severity,
        boolean enabled,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant updatedAt) {

    public AlertRule {
        filters = filters == null ? List.of() : filters;
        labels = labels == null ? Map.of() : labels;
        annotations = annotations == null ? Map.of() : annotations;
    }
}

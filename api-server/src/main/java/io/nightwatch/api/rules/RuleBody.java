package io.nightwatch.api.rules;

import io.nightwatch.schemas.LabelFilter;
import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.RuleCondition;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/rules}: a rule in {@code nw.rules}' form without version and time (the store numbers
 * versions), plus its change policy and why. {@code version}, when given, is the version this one must become
 * (optimistic concurrency: another operator's change in between is a 409).
 */
public record RuleBody(
        String id,
        Integer version,
        String name,
        String metric,
        Resolution resolution,
        List<LabelFilter> filters,
        RuleCondition condition,
        Long forSeconds,
        String severity,
        Boolean enabled,
        Map<String, String> labels,
        Map<String, String> annotations,
        String policy,
        String reason) {}

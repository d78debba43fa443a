package io.nightwatch.schemas;

/**
 * An alert rule's condition on one rollup field ({@code avg}, {@code max}, {@code p99}, …).
 * THRESHOLD: {@code field OP threshold}. RING_RATIO: {@code field / field(periodSeconds earlier) OP threshold}.
 */
public record RuleCondition(ConditionKind kind, String field, Comparison comparison, double threshold, long periodSeconds) {}

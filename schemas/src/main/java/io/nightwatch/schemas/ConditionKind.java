package io.nightwatch.schemas;

/** What an alert rule's condition compares: a fixed threshold, or the change against an earlier period. */
public enum ConditionKind {
    THRESHOLD,
    RING_RATIO
}

package io.nightwatch.schemas;

/** Where a release is in its life; every change is one {@link ReleaseEvent}. */
public enum ReleaseStatus {
    SCHEDULED,
    STAGE_STARTED,
    STAGE_PASSED,
    PAUSED,
    RESUMED,
    ROLLING_BACK,
    ROLLED_BACK,
    COMPLETED,
    CANCELLED,
    FAILED
}

package io.nightwatch.simulator.release;

/** Where a release is, as the release system tracks it (its events on nw.releases say how it got there). */
public enum ReleaseState {
    SCHEDULED,
    RUNNING,
    PAUSED,
    ROLLED_BACK,
    COMPLETED,
    CANCELLED;

    /** Whether the release can still change instances (not rolled back, completed or cancelled). */
    public boolean active() {
        return this == SCHEDULED || this == RUNNING || this == PAUSED;
    }
}

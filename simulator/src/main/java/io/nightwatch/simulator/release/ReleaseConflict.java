package io.nightwatch.simulator.release;

/** A request that the release's current state does not allow (answered 409 with the message). */
public final class ReleaseConflict extends RuntimeException {
    public ReleaseConflict(String message) {
        super(message);
    }
}

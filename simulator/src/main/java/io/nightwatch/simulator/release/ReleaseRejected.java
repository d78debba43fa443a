package io.nightwatch.simulator.release;

/** A request the caller must fix (answered 400 with the message). */
public final class ReleaseRejected extends RuntimeException {
    public ReleaseRejected(String message) {
        super(message);
    }
}

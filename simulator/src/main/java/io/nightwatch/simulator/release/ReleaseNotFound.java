package io.nightwatch.simulator.release;

/** No release or instance by that name (answered 404 with the message). */
public final class ReleaseNotFound extends RuntimeException {
    public ReleaseNotFound(String message) {
        super(message);
    }
}

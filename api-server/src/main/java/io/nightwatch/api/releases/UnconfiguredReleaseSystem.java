package io.nightwatch.api.releases;

/** The adapter when no release system is configured: every request answers 503 saying so. */
public final class UnconfiguredReleaseSystem implements ReleaseSystemAdapter {

    private static ReleaseSystemException none() {
        return new ReleaseSystemException(503,
                "no release system is configured (start the api-server with --release-system-url URL)");
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public ReleaseAck create(CreateRelease request) {
        throw none();
    }

    @Override
    public ReleaseAck pause(String releaseId, String reason) {
        throw none();
    }

    @Override
    public ReleaseAck resume(String releaseId, String reason) {
        throw none();
    }

    @Override
    public ReleaseAck cancel(String releaseId, String reason) {
        throw none();
    }

    @Override
    public ReleaseAck rollback(String releaseId, String reason) {
        throw none();
    }
}

package io.nightwatch.api.releases;

/**
 * The release system refused or failed a request: {@code status} is what the API answers (400, 404 and 409 pass
 * the release system's own answer on; 502 when it is unreachable or broken; 503 when none is configured).
 */
public final class ReleaseSystemException extends RuntimeException {

    private final int status;

    public ReleaseSystemException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

package io.nightwatch.api.releases;

/**
 * What Nightwatch asks of a release system (the simulator's, Argo Rollouts, Spinnaker, an in-house one): create a
 * release and pause, resume, cancel or roll it back. Reads never go through here: they come from PostgreSQL, which
 * the canary job fills from {@code nw.releases}. Failures are {@link ReleaseSystemException}s carrying the status
 * to answer with.
 */
public interface ReleaseSystemAdapter {

    /** A short name for messages and logs, e.g. {@code simulator at http://127.0.0.1:8090}. */
    String name();

    ReleaseAck create(CreateRelease request);

    ReleaseAck pause(String releaseId, String reason);

    ReleaseAck resume(String releaseId, String reason);

    ReleaseAck cancel(String releaseId, String reason);

    ReleaseAck rollback(String releaseId, String reason);
}

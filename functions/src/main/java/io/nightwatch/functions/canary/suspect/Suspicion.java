package io.nightwatch.functions.canary.suspect;

import java.time.Instant;

/** An instance raised an alert soon after a release changed its version: the release is suspect. */
public record Suspicion(String release, String service, String instance, String version, Instant changedAt,
        String alertName, String fingerprint, String severity, Instant alertAt, String reason) {}

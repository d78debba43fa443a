package io.nightwatch.simulator.release;

import java.time.Instant;

/** An instance as the release system's API shows it: the version it runs, since when, and through which release. */
public record InstanceView(String service, String instance, String zone, String version, Instant versionSince,
        String release, String fault) {}

package io.nightwatch.functions.canary.release;

import java.time.Instant;

/**
 * The version an instance runs after a release event (table {@code instances}).
 *
 * @param release the release that changed the instance to this version, or null when the event only confirms
 *     the version it already ran (a baseline instance)
 * @param since when it changed (null with a null release)
 * @param at the event's time: the newest event wins
 */
public record InstanceVersion(String service, String instance, String version, String release, Instant since,
        Instant at) {}

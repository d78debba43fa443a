package io.nightwatch.schemas;

import java.time.Instant;

/**
 * A record a job could not accept (topic {@code nw.deadletter}): where it came from, its raw bytes in base64,
 * and why it was refused. Nothing is dropped silently.
 */
public record DeadLetter(
        String topic, int partition, long offset, String key, String raw, String error, String job, Instant at) {}

package io.nightwatch.schemas;

import java.time.Instant;

/**
 * An executor's answer to a command (topic {@code nw.commands.results}, key: command id): the release system or
 * runbook executor reports what it did, so Nightwatch can record it and escalate what could not be done.
 */
public record CommandResult(
        String commandId, CommandOutcome outcome, String executor, String service, String target, String message, Instant at) {}

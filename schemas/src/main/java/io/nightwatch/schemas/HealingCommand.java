package io.nightwatch.schemas;

import java.time.Instant;
import java.util.Map;

/**
 * A self-healing command (topic {@code nw.commands.healing}, key: target). {@code commandId} is the idempotency
 * key: derived from the incident (or release stage) and the action, so a replay yields the same id and a
 * consumer executes each id once.
 */
public record HealingCommand(
        String commandId,
        HealingAction action,
        String service,
        String target,
        String release,
        String reason,
        String incident,
        boolean requiresApproval,
        Instant createdAt,
        Instant expiresAt,
        String issuedBy,
        Map<String, String> parameters) {

    public HealingCommand {
        parameters = parameters == null ? Map.of() : parameters;
    }
}

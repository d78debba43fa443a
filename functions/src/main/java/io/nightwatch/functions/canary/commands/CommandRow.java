package io.nightwatch.functions.canary.commands;

import java.time.Instant;

/**
 * A row of {@code commands}: what was issued and what became of it.
 *
 * @param kind {@code healing} (nw.commands.healing) or {@code rule} (nw.commands.rules)
 * @param status issued, held, rejected, expired, pending_approval, executed, not_supported or failed
 * @param payload the command as JSON
 * @param updatedAt when this state was reached: the newest state wins
 */
public record CommandRow(String commandId, String kind, String action, String service, String target, String release,
        String incident, String reason, boolean requiresApproval, String status, String issuedBy, String payload,
        String result, Instant createdAt, Instant expiresAt, Instant updatedAt) {}

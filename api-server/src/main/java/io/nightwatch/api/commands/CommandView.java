package io.nightwatch.api.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A command as {@code commands} records it: what (kind healing or rule, action, target), why, for which incident,
 * whether it needs approval, where it stands ({@code status}: held, issued, rejected, expired, pending_approval,
 * executed, not_supported, failed) and what the executor answered ({@code result}); {@code payload} is the command as
 * published.
 */
public record CommandView(
        String commandId,
        String kind,
        String action,
        String service,
        String target,
        String releaseId,
        String incidentId,
        String reason,
        boolean requiresApproval,
        String status,
        String issuedBy,
        JsonNode payload,
        String result,
        Instant createdAt,
        Instant expiresAt,
        Instant updatedAt) {

    /** Whether an operator can decide it now: held by the job, or waiting for approval at the rule store. */
    public boolean awaitsApproval() {
        return "held".equals(status) || "pending_approval".equals(status);
    }
}

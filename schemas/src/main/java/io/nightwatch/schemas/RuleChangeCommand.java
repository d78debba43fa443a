package io.nightwatch.schemas;

import java.time.Instant;
import java.util.Map;

/**
 * A proposal to change an alert rule (topic {@code nw.commands.rules}, key: rule id), e.g. to quiet a flapping
 * rule. {@code commandId} is the idempotency key; {@code evidence} holds the figures behind the proposal.
 */
public record RuleChangeCommand(
        String commandId,
        String ruleId,
        int fromVersion,
        RuleSettings from,
        RuleSettings to,
        String reason,
        Map<String, String> evidence,
        String incident,
        Instant createdAt,
        String issuedBy) {

    public RuleChangeCommand {
        evidence = evidence == null ? Map.of() : evidence;
    }
}

package io.nightwatch.functions.decisions;

import java.time.Instant;
import java.util.Map;

/**
 * A guarded ADJUST_RULE decision before it becomes a {@code RuleChangeCommand}: the rule, the changes asked
 * ({@code threshold}, {@code forSeconds}), why, and the evidence. The rule's current settings come from
 * {@code nw.rules} ({@link ProposeRuleChanges}).
 */
public record RuleProposal(
        String commandId,
        String ruleId,
        String incidentId,
        String service,
        String title,
        String severity,
        Map<String, String> parameters,
        String reason,
        Map<String, String> evidence,
        boolean requiresApproval,
        Instant createdAt,
        Instant expiresAt,
        String issuedBy) {

    public RuleProposal {
        parameters = parameters == null ? Map.of() : parameters;
        evidence = evidence == null ? Map.of() : evidence;
    }
}

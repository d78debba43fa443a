package io.nightwatch.functions.decisions;

import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.RuleChangeCommand;
import io.nightwatch.schemas.RuleSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a rule proposal into a {@link RuleChangeCommand} against the rule's current version: {@code from} is what the
 * rule holds now (threshold, hold duration, enabled), {@code to} the same with the proposed {@code threshold} and/or
 * {@code forSeconds}. A proposal that would change nothing yields nothing (the caller records why). Pure.
 */
public final class RuleChanges {

    private RuleChanges() {}

    /** The settings of a rule. */
    public static RuleSettings settings(AlertRule rule) {
        return new RuleSettings(rule.condition() == null ? Double.NaN : rule.condition().threshold(), rule.forSeconds(),
                rule.enabled());
    }

    /** The settings the proposal asks for, from the rule's current ones (parameters were checked by the guard). */
    public static RuleSettings proposed(RuleSettings from, Map<String, String> parameters) {
        double threshold = parameters.containsKey("threshold")
                ? Double.parseDouble(parameters.get("threshold").trim()) : from.threshold();
        long forSeconds = parameters.containsKey("forSeconds")
                ? Long.parseLong(parameters.get("forSeconds").trim()) : from.forSeconds();
        return new RuleSettings(threshold, forSeconds, from.enabled());
    }

    /** The command for the proposal on {@code rule}, or empty when it would leave the rule as it is. */
    public static Optional<IncidentCommand> command(RuleProposal p, AlertRule rule) {
        RuleSettings from = settings(rule);
        RuleSettings to = proposed(from, p.parameters());
        if (to.equals(from)) {
            return Optional.empty();
        }
        Map<String, String> evidence = new LinkedHashMap<>(p.evidence());
        evidence.put("incident", p.incidentId());
        evidence.put("ruleName", String.valueOf(rule.name()));
        RuleChangeCommand c = new RuleChangeCommand(p.commandId(), p.ruleId(), rule.version(), from, to, p.reason(),
                evidence, p.incidentId(), p.createdAt(), p.issuedBy());
        return Optional.of(new IncidentCommand(p.commandId(), IncidentCommand.RULE, p.incidentId(), p.service(), p.title(),
                p.severity(), "ADJUST_RULE", p.ruleId(), p.requiresApproval(), p.createdAt(), p.expiresAt(), null, c));
    }
}

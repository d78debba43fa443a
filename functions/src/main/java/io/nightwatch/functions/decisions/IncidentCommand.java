package io.nightwatch.functions.decisions;

import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.RuleChangeCommand;
import java.time.Instant;

/**
 * A command the incidents job derived from a guarded decision, on its way to a command topic: a healing command
 * ({@code kind} {@value #HEALING}) or a rule change ({@value #RULE}), with the incident it came from, whether a human
 * approves it first ({@code requiresApproval}: then it is held until {@code expiresAt}) and when it was derived.
 */
public record IncidentCommand(
        String commandId,
        String kind,
        String incidentId,
        String service,
        String title,
        String severity,
        String action,
        String target,
        boolean requiresApproval,
        Instant createdAt,
        Instant expiresAt,
        HealingCommand healing,
        RuleChangeCommand rule) {

    public static final String HEALING = "healing";
    public static final String RULE = "rule";

    /** The command as published (healing or rule change). */
    public Object payload() {
        return healing != null ? healing : rule;
    }

    /** The release a healing command is about (null for rule changes and commands without one). */
    public String release() {
        return healing == null ? null : healing.release();
    }

    /** The reason given with the command. */
    public String reason() {
        return healing != null ? healing.reason() : rule == null ? null : rule.reason();
    }

    /** Who issued it. */
    public String issuedBy() {
        return healing != null ? healing.issuedBy() : rule == null ? null : rule.issuedBy();
    }
}

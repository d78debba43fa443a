package io.nightwatch.api.rules;

import io.nightwatch.schemas.AlertRule;
import java.time.Instant;

/**
 * One version of a rule as the rule store keeps it ({@code alert_rules}): the rule (as published on {@code nw.rules};
 * for a deletion, the last live version), its change policy ({@code auto} or {@code approval}), whether this version
 * deletes the rule, who made it and why.
 */
public record StoredRule(String id, int version, AlertRule rule, String policy, boolean deleted, String createdBy,
        String reason, Instant createdAt) {

    public static final String AUTO = "auto";
    public static final String APPROVAL = "approval";
}

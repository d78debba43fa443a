package io.nightwatch.api.rules;

import java.time.Instant;
import java.util.Map;

/**
 * A change of a rule ({@code rule_changes}): what kind (create, edit, command, rollback, delete), from which version to
 * which, the threshold, hold duration and enabled flag before and after, why, who or what asked, the command behind it
 * (a RuleChangeCommand's id) and its incident, and what became of it (applied, pending, rejected, refused) — decided by
 * whom and when.
 */
public record RuleChangeView(
        long id,
        String ruleId,
        String commandId,
        String kind,
        Integer fromVersion,
        Integer toVersion,
        Double oldThreshold,
        Double newThreshold,
        Long oldForSeconds,
        Long newForSeconds,
        Boolean oldEnabled,
        Boolean newEnabled,
        String reason,
        Map<String, String> evidence,
        String incidentId,
        String requestedBy,
        String status,
        String decidedBy,
        String decisionNote,
        Instant createdAt,
        Instant decidedAt) {}

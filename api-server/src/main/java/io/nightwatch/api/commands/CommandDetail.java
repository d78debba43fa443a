package io.nightwatch.api.commands;

import io.nightwatch.api.approvals.ApprovalLog;
import io.nightwatch.api.rules.RuleChangeView;
import java.util.List;

/** {@code GET /api/commands/{id}}: the command, the rule change it asked for (rule commands) and the operators' decisions. */
public record CommandDetail(CommandView command, RuleChangeView ruleChange, List<ApprovalLog.Entry> approvals) {}

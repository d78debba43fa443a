package io.nightwatch.api.rules;

import java.util.List;

/** {@code GET /api/rules/{id}}: the current version, every version (newest first) and every change (newest first). */
public record RuleDetail(StoredRule current, List<StoredRule> versions, List<RuleChangeView> changes) {}

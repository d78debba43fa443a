package io.nightwatch.functions.rules;

import io.nightwatch.schemas.AlertRule;

/** A record of the rules topic: a new version of a rule, or (rule null) its deletion. */
public record RuleUpdate(String ruleId, AlertRule rule) {}

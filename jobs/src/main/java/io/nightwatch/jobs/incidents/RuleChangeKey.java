package io.nightwatch.jobs.incidents;

import io.nightwatch.jobs.io.RecordKey;
import io.nightwatch.schemas.RuleChangeCommand;

/** Rule changes are keyed by rule id on {@code nw.commands.rules}, so one rule's changes stay in order. */
public final class RuleChangeKey implements RecordKey<RuleChangeCommand> {
    @Override
    public String of(RuleChangeCommand c) {
        return c.ruleId();
    }
}

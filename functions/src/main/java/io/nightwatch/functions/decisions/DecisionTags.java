package io.nightwatch.functions.decisions;

import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.RuleChangeCommand;
import org.apache.flink.util.OutputTag;

/** The side outputs of the incidents job's decision operators. */
public final class DecisionTags {

    /** Event-log entries: analyzer steps, the analysis, guard verdicts, command steps, escalations. */
    public static final OutputTag<IncidentEvent> EVENTS = new OutputTag<>("decision-events") {};
    /** ADJUST_RULE decisions that passed the guard, to be completed with the rule's settings. */
    public static final OutputTag<RuleProposal> RULE_PROPOSALS = new OutputTag<>("rule-proposals") {};
    /** Healing commands to publish on {@code nw.commands.healing}. */
    public static final OutputTag<HealingCommand> HEALING = new OutputTag<>("healing-commands") {};
    /** Rule changes to publish on {@code nw.commands.rules}. */
    public static final OutputTag<RuleChangeCommand> RULE_CHANGES = new OutputTag<>("rule-change-commands") {};

    private DecisionTags() {}
}

package io.nightwatch.functions.decisions;

import java.time.Duration;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns each guarded decision into what it asks for ({@link DecisionCommands}): a healing command (main output), a
 * rule proposal (side output {@link DecisionTags#RULE_PROPOSALS}), or nothing.
 */
public final class DeriveCommands extends ProcessFunction<GuardedDecision, IncidentCommand> {

    private static final long serialVersionUID = 1L;

    private final Duration expiry;
    private transient DecisionCommands commands;

    public DeriveCommands(Duration expiry) {
        this.expiry = expiry;
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
        commands = new DecisionCommands(expiry);
    }

    @Override
    public void processElement(GuardedDecision d, Context ctx, Collector<IncidentCommand> out) {
        commands.healing(d).ifPresent(out::collect);
        commands.ruleProposal(d).ifPresent(p -> ctx.output(DecisionTags.RULE_PROPOSALS, p));
    }
}

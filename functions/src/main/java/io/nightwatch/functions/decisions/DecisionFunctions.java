package io.nightwatch.functions.decisions;

import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.IncidentEvent;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;

/** The small functions around the decision operators: which approvals and answers are whose, and their signals. */
public final class DecisionFunctions {

    private DecisionFunctions() {}

    /** Approvals of commands (they name a {@code commandId}); the rest decide incidents held by convergence. */
    public static final class CommandApprovals implements FilterFunction<IncidentEvent> {
        @Override
        public boolean filter(IncidentEvent e) {
            String id = e.attributes().get(IncidentCommands.COMMAND_ID);
            return id != null && !id.isBlank();
        }
    }

    /** Approvals of incidents held by a {@code defense} convergence rule (no {@code commandId}). */
    public static final class IncidentApprovals implements FilterFunction<IncidentEvent> {
        @Override
        public boolean filter(IncidentEvent e) {
            String id = e.attributes().get(IncidentCommands.COMMAND_ID);
            return id == null || id.isBlank();
        }
    }

    /** Answers to the incidents job's own commands (the canary job tracks its own). */
    public static final class OwnResults implements FilterFunction<CommandResult> {
        @Override
        public boolean filter(CommandResult r) {
            return IncidentCommands.isOwn(r.commandId());
        }
    }

    /** An approval as a command signal. */
    public static final class ApprovalSignal implements MapFunction<IncidentEvent, CommandSignal> {
        @Override
        public CommandSignal map(IncidentEvent e) {
            return CommandSignal.of(e);
        }
    }

    /** An answer as a command signal. */
    public static final class ResultSignal implements MapFunction<CommandResult, CommandSignal> {
        @Override
        public CommandSignal map(CommandResult r) {
            return CommandSignal.of(r);
        }
    }
}

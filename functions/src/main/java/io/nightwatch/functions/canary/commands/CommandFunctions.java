package io.nightwatch.functions.canary.commands;

import io.nightwatch.functions.canary.stage.JudgedStage;
import io.nightwatch.functions.canary.suspect.Suspicion;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingCommand;
import java.time.Duration;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.util.Collector;

/** The small functions around command tracking: deriving commands, keeping own answers, keys. */
public final class CommandFunctions {

    private CommandFunctions() {}

    /** The command a judged stage asks for (none on PASS). */
    public static final class StageCommands implements FlatMapFunction<JudgedStage, HealingCommand> {

        private final Duration expiry;

        public StageCommands(Duration expiry) {
            this.expiry = expiry;
        }

        @Override
        public void flatMap(JudgedStage stage, Collector<HealingCommand> out) {
            CanaryCommands.forStage(stage.verdict(), expiry).ifPresent(out::collect);
        }
    }

    /** The rollback a suspicion asks for, unless the job only marks suspects. */
    public static final class SuspicionCommands implements FlatMapFunction<Suspicion, HealingCommand> {

        private final Duration expiry;
        private final boolean rollback;

        public SuspicionCommands(Duration expiry, boolean rollback) {
            this.expiry = expiry;
            this.rollback = rollback;
        }

        @Override
        public void flatMap(Suspicion s, Collector<HealingCommand> out) {
            if (rollback) {
                out.collect(CanaryCommands.forSuspicion(s, expiry));
            }
        }
    }

    /** Answers to the canary job's own commands (other jobs track theirs). */
    public static final class OwnResults implements FilterFunction<CommandResult> {
        @Override
        public boolean filter(CommandResult r) {
            return CanaryCommands.isOwn(r.commandId());
        }
    }

    /** A command's id. */
    public static final class CommandId implements KeySelector<HealingCommand, String> {
        @Override
        public String getKey(HealingCommand c) {
            return c.commandId();
        }
    }

    /** An answer's command id. */
    public static final class ResultCommandId implements KeySelector<CommandResult, String> {
        @Override
        public String getKey(CommandResult r) {
            return r.commandId();
        }
    }
}

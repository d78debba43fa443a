package io.nightwatch.functions.canary.commands;

import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per command id: issues a command the first time it is derived (side output {@link #TO_ISSUE}; a command derived
 * again is not issued twice), records it as issued, records the executor's answer, and escalates an answer of
 * NOT_SUPPORTED (side output {@link #ESCALATIONS}). An answer may arrive before its command (a replay): it waits.
 * State is cleared {@code retention} after it was last touched.
 */
public final class TrackCommands extends KeyedCoProcessFunction<String, HealingCommand, CommandResult, CommandRow> {

    /** Commands to publish on the healing topic. */
    public static final OutputTag<HealingCommand> TO_ISSUE = new OutputTag<>("commands-to-issue") {};
    /** Incident events escalating a command that could not be carried out. */
    public static final OutputTag<IncidentEvent> ESCALATIONS = new OutputTag<>("escalations") {};
    /** Counter (group {@code nightwatch}) of commands issued. */
    public static final String ISSUED = "commandsIssued";
    /** Counter (group {@code nightwatch}) of escalations. */
    public static final String ESCALATED = "escalations";

    private final long retentionMillis;
    private transient ValueState<HealingCommand> command;
    private transient ValueState<CommandResult> answer;
    private transient ValueState<Long> cleanupAt;
    private transient Counter issued;
    private transient Counter escalated;

    public TrackCommands(Duration retention) {
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        command = getRuntimeContext().getState(new ValueStateDescriptor<>("command", HealingCommand.class));
        answer = getRuntimeContext().getState(new ValueStateDescriptor<>("answer", CommandResult.class));
        cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Long.class));
        issued = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(ISSUED);
        escalated = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(ESCALATED);
    }

    @Override
    public void processElement1(HealingCommand c, Context ctx, Collector<CommandRow> out) throws Exception {
        if (command.value() != null) {
            return;
        }
        command.update(c);
        ctx.output(TO_ISSUE, c);
        out.collect(CommandRows.issued(c));
        issued.inc();
        CommandResult waiting = answer.value();
        if (waiting != null) {
            record(c, waiting, ctx, out);
        }
        keep(ctx);
    }

    @Override
    public void processElement2(CommandResult r, Context ctx, Collector<CommandRow> out) throws Exception {
        CommandResult first = answer.value();
        if (first != null && (r.outcome() == CommandOutcome.DUPLICATE || first.equals(r))) {
            return; // the first answer stands
        }
        answer.update(r);
        HealingCommand c = command.value();
        if (c != null) {
            record(c, r, ctx, out);
        }
        keep(ctx);
    }

    private void record(HealingCommand c, CommandResult r, Context ctx, Collector<CommandRow> out) {
        out.collect(CommandRows.answered(c, r));
        if (r.outcome() == CommandOutcome.NOT_SUPPORTED) {
            ctx.output(ESCALATIONS, Escalations.of(c, r));
            escalated.inc();
        }
    }

    /** (Re)arms the one cleanup timer of this command id, {@code retention} from now. */
    private void keep(Context ctx) throws Exception {
        Long previous = cleanupAt.value();
        if (previous != null) {
            ctx.timerService().deleteProcessingTimeTimer(previous);
        }
        long at = ctx.timerService().currentProcessingTime() + retentionMillis;
        ctx.timerService().registerProcessingTimeTimer(at);
        cleanupAt.update(at);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CommandRow> out) {
        command.clear();
        answer.clear();
        cleanupAt.clear();
    }
}

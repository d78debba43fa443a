package io.nightwatch.functions.decisions;

import io.nightwatch.functions.canary.commands.CommandRow;
import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.RuleChangeCommand;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per command id, the life of a command the incidents job derived (input 1): issued at once (side outputs
 * {@link DecisionTags#HEALING} / {@link DecisionTags#RULE_CHANGES}, exactly once however often it is derived), or held
 * for approval until an operator approves (then issued, naming the approver) or rejects it, or until it expires
 * ({@code expiresAt}, a processing-time timer; {@code EXPIRED} recorded). Input 2 brings the operators' decisions from
 * {@code nw.approvals} and the executors' answers from {@code nw.commands.results}; every step is a {@code commands}
 * row (main output) and an event of the incident (side output {@link DecisionTags#EVENTS}). An answer or approval that
 * arrives before its command (a replay) waits. State is cleared {@code retention} after the last step.
 */
public final class TrackIncidentCommands extends KeyedCoProcessFunction<String, IncidentCommand, CommandSignal, CommandRow> {

    private static final long serialVersionUID = 1L;

    static final String HELD = "held";
    static final String ISSUED = "issued";
    static final String REJECTED = "rejected";
    static final String EXPIRED = "expired";

    private final long retentionMs;
    private transient ValueState<IncidentCommand> command;
    private transient ValueState<String> phase;
    private transient ValueState<IncidentEvent> earlyApproval;
    private transient ValueState<CommandResult> answer;
    private transient ValueState<Long> timer;
    private transient Counter issuedCount;
    private transient Counter heldCount;
    private transient Counter expiredCount;
    private transient Counter escalations;
    private transient Counter stray;

    public TrackIncidentCommands(Duration retention) {
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        command = getRuntimeContext().getState(new ValueStateDescriptor<>("command", IncidentCommand.class));
        phase = getRuntimeContext().getState(new ValueStateDescriptor<>("phase", String.class));
        earlyApproval = getRuntimeContext().getState(new ValueStateDescriptor<>("early-approval", IncidentEvent.class));
        answer = getRuntimeContext().getState(new ValueStateDescriptor<>("answer", CommandResult.class));
        timer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Long.class));
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("nightwatch");
        issuedCount = group.counter(DecisionCounters.COMMANDS_ISSUED);
        heldCount = group.counter(DecisionCounters.COMMANDS_HELD);
        expiredCount = group.counter(DecisionCounters.COMMANDS_EXPIRED);
        escalations = group.counter(DecisionCounters.ESCALATIONS);
        stray = group.counter(DecisionCounters.STRAY_APPROVALS);
    }

    @Override
    public void processElement1(IncidentCommand c, Context ctx, Collector<CommandRow> out) throws Exception {
        if (command.value() != null) {
            return; // derived again (a replayed analysis): it is issued once
        }
        command.update(c);
        if (!c.requiresApproval()) {
            issue(c, null, c.createdAt(), ctx, out);
            return;
        }
        phase.update(HELD);
        heldCount.inc();
        out.collect(CommandEvents.row(c, HELD, null, c.createdAt()));
        ctx.output(DecisionTags.EVENTS, CommandEvents.held(c));
        IncidentEvent early = earlyApproval.value();
        if (early != null) {
            earlyApproval.clear();
            decide(c, early, ctx, out);
        } else {
            arm(ctx, Math.max(c.expiresAt().toEpochMilli(), ctx.timerService().currentProcessingTime()));
        }
    }

    @Override
    public void processElement2(CommandSignal s, Context ctx, Collector<CommandRow> out) throws Exception {
        IncidentCommand c = command.value();
        if (s.approval() != null) {
            if (c == null) {
                earlyApproval.update(s.approval());
                arm(ctx, ctx.timerService().currentProcessingTime() + retentionMs);
            } else if (HELD.equals(phase.value())) {
                decide(c, s.approval(), ctx, out);
            } else {
                stray.inc(); // too late (expired), a second click, or a command that needed no approval
            }
            return;
        }
        CommandResult r = s.result();
        CommandResult first = answer.value();
        if (first != null && (r.outcome() == CommandOutcome.DUPLICATE || first.equals(r))) {
            return; // the first answer stands
        }
        answer.update(r);
        if (c != null) {
            record(c, r, ctx, out);
        } else {
            arm(ctx, ctx.timerService().currentProcessingTime() + retentionMs);
        }
    }

    private void decide(IncidentCommand c, IncidentEvent approval, Context ctx, Collector<CommandRow> out) throws Exception {
        ctx.output(DecisionTags.EVENTS, CommandEvents.decided(c, approval));
        String by = approval.attributes().getOrDefault("by", "unknown");
        Instant at = approval.at() == null ? Instant.ofEpochMilli(ctx.timerService().currentProcessingTime()) : approval.at();
        if (approval.type() == IncidentEventType.APPROVED) {
            issue(c, by, at, ctx, out);
        } else {
            phase.update(REJECTED);
            out.collect(CommandEvents.row(c, REJECTED, "rejected by " + by + comment(approval), at));
            arm(ctx, ctx.timerService().currentProcessingTime() + retentionMs);
        }
    }

    private void issue(IncidentCommand c, String approvedBy, Instant at, Context ctx, Collector<CommandRow> out)
            throws Exception {
        Object published = approvedBy == null ? c.payload() : CommandEvents.approvedPayload(c, approvedBy);
        if (published instanceof HealingCommand h) {
            ctx.output(DecisionTags.HEALING, h);
        } else {
            ctx.output(DecisionTags.RULE_CHANGES, (RuleChangeCommand) published);
        }
        phase.update(ISSUED);
        issuedCount.inc();
        out.collect(CommandEvents.row(c, ISSUED, approvedBy == null ? null : "approved by " + approvedBy, at));
        ctx.output(DecisionTags.EVENTS, CommandEvents.issued(c, published, at));
        CommandResult waiting = answer.value();
        if (waiting != null) {
            record(c, waiting, ctx, out);
        }
        arm(ctx, ctx.timerService().currentProcessingTime() + retentionMs);
    }

    private void record(IncidentCommand c, CommandResult r, Context ctx, Collector<CommandRow> out) throws Exception {
        out.collect(CommandEvents.answered(c, r));
        ctx.output(DecisionTags.EVENTS, CommandEvents.result(c, r));
        if (CommandEvents.escalates(r)) {
            ctx.output(DecisionTags.EVENTS, CommandEvents.escalated(c, r));
            escalations.inc();
        }
        arm(ctx, ctx.timerService().currentProcessingTime() + retentionMs);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CommandRow> out) throws Exception {
        Long at = timer.value();
        if (at == null || at != timestamp) {
            return;
        }
        IncidentCommand c = command.value();
        if (c != null && HELD.equals(phase.value())) {
            phase.update(EXPIRED);
            expiredCount.inc();
            Instant when = Instant.ofEpochMilli(timestamp);
            out.collect(CommandEvents.row(c, EXPIRED, "no approval before " + c.expiresAt(), when));
            ctx.output(DecisionTags.EVENTS, CommandEvents.expired(c, when));
            arm(ctx, timestamp + retentionMs);
            return;
        }
        command.clear();
        phase.clear();
        earlyApproval.clear();
        answer.clear();
        timer.clear();
    }

    /** (Re)sets the one timer of this command id. */
    private void arm(Context ctx, long at) throws Exception {
        Long previous = timer.value();
        if (previous != null) {
            ctx.timerService().deleteProcessingTimeTimer(previous);
        }
        ctx.timerService().registerProcessingTimeTimer(at);
        timer.update(at);
    }

    private static String comment(IncidentEvent approval) {
        String c = approval.attributes().get("comment");
        return c == null || c.isBlank() ? "" : ": " + c;
    }
}

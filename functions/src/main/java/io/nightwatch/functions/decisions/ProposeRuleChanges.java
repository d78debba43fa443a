package io.nightwatch.functions.decisions;

import io.nightwatch.functions.rules.RuleUpdate;
import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.analysis.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by rule id: keeps the rule's current version from {@code nw.rules} (input 2; a tombstone forgets it) and turns
 * each rule proposal (input 1) into a rule-change command against that version ({@link RuleChanges}). A proposal for
 * a rule not known yet waits up to {@code wait} (the rules topic may still be being read after a start); then, or
 * when the change would leave the rule as it is, it is escalated to a human (an {@code ESCALATED} event) instead.
 */
public final class ProposeRuleChanges extends KeyedCoProcessFunction<String, RuleProposal, RuleUpdate, IncidentCommand> {

    private static final long serialVersionUID = 1L;

    private final long waitMs;
    private transient ValueState<AlertRule> rule;
    private transient ValueState<List<RuleProposal>> waiting;
    private transient Counter escalations;

    public ProposeRuleChanges(Duration wait) {
        this.waitMs = wait.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        rule = getRuntimeContext().getState(new ValueStateDescriptor<>("rule", AlertRule.class));
        waiting = getRuntimeContext().getState(new ValueStateDescriptor<>("waiting-proposals",
                TypeInformation.of(new TypeHint<List<RuleProposal>>() {})));
        escalations = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(DecisionCounters.ESCALATIONS);
    }

    @Override
    public void processElement1(RuleProposal p, Context ctx, Collector<IncidentCommand> out) throws Exception {
        AlertRule current = rule.value();
        if (current != null) {
            propose(p, current, ctx, out);
            return;
        }
        List<RuleProposal> w = waiting.value() == null ? new ArrayList<>() : new ArrayList<>(waiting.value());
        w.add(p);
        waiting.update(w);
        ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + waitMs);
    }

    @Override
    public void processElement2(RuleUpdate update, Context ctx, Collector<IncidentCommand> out) throws Exception {
        AlertRule current = rule.value();
        if (update.rule() == null) {
            rule.clear();
            return;
        }
        if (current == null || update.rule().version() > current.version()) {
            rule.update(update.rule());
        }
        List<RuleProposal> w = waiting.value();
        if (w != null) {
            waiting.clear();
            for (RuleProposal p : w) {
                propose(p, rule.value(), ctx, out);
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentCommand> out) throws Exception {
        List<RuleProposal> w = waiting.value();
        if (w == null) {
            return; // the rule arrived in time
        }
        waiting.clear();
        for (RuleProposal p : w) {
            escalate(p, "rule " + p.ruleId() + " is not in the rule store (nw.rules): the change cannot be proposed; "
                    + "change the rule where it is defined", timestamp, ctx);
        }
    }

    private void propose(RuleProposal p, AlertRule current, Context ctx, Collector<IncidentCommand> out) {
        Optional<IncidentCommand> command = RuleChanges.command(p, current);
        if (command.isPresent()) {
            out.collect(command.get());
        } else {
            escalate(p, "rule " + p.ruleId() + " v" + current.version() + " already has " + p.parameters()
                    + ": the proposed change changes nothing; a human should look at the rule",
                    ctx.timerService().currentProcessingTime(), ctx);
        }
    }

    private void escalate(RuleProposal p, String reason, long at, Context ctx) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(IncidentCommands.COMMAND_ID, p.commandId());
        a.put("action", "ADJUST_RULE");
        a.put("target", p.ruleId());
        a.put("reason", Text.cut(reason, 500));
        a.put("by", "rule-proposal");
        ctx.output(DecisionTags.EVENTS, new IncidentEvent(p.commandId() + ":" + IncidentEventType.ESCALATED, p.incidentId(),
                IncidentEventType.ESCALATED, Instant.ofEpochMilli(Math.max(at, p.createdAt().toEpochMilli())), p.service(),
                p.title(), p.severity(), null, List.of(), a, Json.toString(p)));
        escalations.inc();
    }
}

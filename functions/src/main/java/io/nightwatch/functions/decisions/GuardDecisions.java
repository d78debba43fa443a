package io.nightwatch.functions.decisions;

import io.nightwatch.functions.analysis.AnalyzedIncident;
import io.nightwatch.functions.guard.Guard;
import io.nightwatch.functions.guard.GuardDecision;
import io.nightwatch.functions.guard.GuardPolicy;
import io.nightwatch.functions.guard.RateLimitState;
import io.nightwatch.schemas.IncidentEvent;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The guard in the job, keyed by service: logs the analysis ({@link AnalysisEvents}), judges its decision with
 * {@link Guard} against the service's recent commands (rate-limit state with a TTL of the longest limit window),
 * logs the verdict with every check ({@link GuardEvents}) and passes the guarded decision on. The clock is processing
 * time: rate limits count commands as they are issued.
 */
public final class GuardDecisions extends KeyedProcessFunction<String, AnalyzedIncident, GuardedDecision> {

    private static final long serialVersionUID = 1L;

    private final GuardPolicy policy;
    private transient Guard guard;
    private transient ValueState<RateLimitState> limits;
    private transient Map<io.nightwatch.functions.guard.Verdict, Counter> verdicts;
    private transient Counter escalations;
    private transient LongMaximum lastAnalyzedAt;
    private transient LongCounter analyses;

    public GuardDecisions(GuardPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void open(OpenContext openContext) {
        guard = new Guard(policy);
        ValueStateDescriptor<RateLimitState> d = new ValueStateDescriptor<>("rate-limits", RateLimitState.class);
        d.enableTimeToLive(StateTtlConfig.newBuilder(guard.limiter().longestWindow())
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        limits = getRuntimeContext().getState(d);
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("nightwatch");
        verdicts = new EnumMap<>(io.nightwatch.functions.guard.Verdict.class);
        verdicts.put(io.nightwatch.functions.guard.Verdict.ALLOW, group.counter(DecisionCounters.GUARD_ALLOWED));
        verdicts.put(io.nightwatch.functions.guard.Verdict.HOLD_FOR_APPROVAL, group.counter(DecisionCounters.GUARD_HELD));
        verdicts.put(io.nightwatch.functions.guard.Verdict.REJECT, group.counter(DecisionCounters.GUARD_REJECTED));
        verdicts.put(io.nightwatch.functions.guard.Verdict.ESCALATE, group.counter(DecisionCounters.GUARD_ESCALATED));
        escalations = group.counter(DecisionCounters.ESCALATIONS);
        lastAnalyzedAt = new LongMaximum();
        analyses = new LongCounter();
        getRuntimeContext().addAccumulator(DecisionCounters.LAST_ANALYZED_AT, lastAnalyzedAt);
        getRuntimeContext().addAccumulator(DecisionCounters.ANALYSES, analyses);
    }

    @Override
    public void processElement(AnalyzedIncident analyzed, Context ctx, Collector<GuardedDecision> out) throws Exception {
        for (IncidentEvent e : AnalysisEvents.of(analyzed)) {
            ctx.output(DecisionTags.EVENTS, e);
        }
        Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
        lastAnalyzedAt.add(System.currentTimeMillis());
        analyses.add(1L);
        GuardDecision decision = guard.evaluate(analyzed.request(), analyzed.result(), limits.value(), now);
        if (decision.state().isEmpty()) {
            limits.clear();
        } else {
            limits.update(decision.state());
        }
        verdicts.get(decision.verdict().verdict()).inc();
        ctx.output(DecisionTags.EVENTS, GuardEvents.verdict(analyzed.request(), decision.verdict()));
        IncidentEvent escalation = GuardEvents.escalation(analyzed.request(), decision.verdict());
        if (escalation != null) {
            ctx.output(DecisionTags.EVENTS, escalation);
            escalations.inc();
        }
        out.collect(new GuardedDecision(analyzed.request(), analyzed.result(), decision.verdict()));
    }
}

package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.incidents.config.ConvergenceRule;
import io.nightwatch.functions.incidents.config.Durations;
import io.nightwatch.functions.incidents.config.IncidentsConfig;
import io.nightwatch.functions.incidents.converge.ConvergenceDecider;
import io.nightwatch.functions.incidents.converge.ConvergenceState;
import io.nightwatch.functions.incidents.converge.Decision;
import io.nightwatch.functions.incidents.converge.SummaryIncidents;
import io.nightwatch.functions.incidents.converge.Verdict;
import io.nightwatch.functions.incidents.lifecycle.IncidentEvents;
import io.nightwatch.functions.incidents.lifecycle.IncidentLifecycle;
import io.nightwatch.functions.incidents.model.IncidentRow;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.NotificationKind;
import io.nightwatch.schemas.IncidentEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Convergence, keyed by convergence key (rule and dimension values): delegates each opening incident to
 * {@link ConvergenceDecider} — handle it, collect it into the key's summary incident, skip it for a peer in
 * progress, or hold it for approval — logs the decision, sends handled incidents (and new summaries) to the
 * analysis-requests side output and held ones to the approval step, and writes every incident's row. The window
 * ends by an event-time timer; the state is cleared once nothing is in progress.
 *
 * <p>Decisions depend on the order of the peers, and peers arrive from different upstream subtasks in any order, so
 * updates are decided in event time: each waits in {@code pending} until the watermark passes the end of its slice of
 * {@code priority.batch_delay}, and a slice is decided most urgent first (then by time and incident id). The same
 * input therefore always gives the same decisions, and in a storm the critical incidents of a slice are handled
 * first.
 */
public final class ConvergeIncidents extends KeyedProcessFunction<String, IncidentUpdate, IncidentRow> {

    private static final long serialVersionUID = 1L;

    /** The order in which the updates of one slice are decided. */
    static final Comparator<IncidentUpdate> ORDER = Comparator.comparingInt(IncidentUpdate::priority)
            .thenComparingLong(x -> x.at()).thenComparing(IncidentUpdate::incidentId)
            .thenComparing(IncidentUpdate::opens);

    private final IncidentsConfig config;
    private final long sliceMs;
    private transient ValueState<ConvergenceState> states;
    private transient ListState<IncidentUpdate> pending;

    public ConvergeIncidents(IncidentsConfig config) {
        this.config = config;
        this.sliceMs = Math.max(1, config.priority().batchDelay().toMillis());
    }

    @Override
    public void open(OpenContext openContext) {
        states = getRuntimeContext().getState(
                new ValueStateDescriptor<>("convergence", TypeInformation.of(ConvergenceState.class)));
        pending = getRuntimeContext().getListState(
                new ListStateDescriptor<>("pending", TypeInformation.of(IncidentUpdate.class)));
    }

    /** The last millisecond of the slice holding {@code at}: when its updates are decided. */
    long sliceEnd(long at) {
        return at - Math.floorMod(at, sliceMs) + sliceMs - 1;
    }

    @Override
    public void processElement(IncidentUpdate u, Context ctx, Collector<IncidentRow> out) throws Exception {
        ConvergenceRule rule = config.convergenceRuleOf(u.convergenceKey());
        long end = sliceEnd(u.at());
        if (rule == null || end <= ctx.timerService().currentWatermark()) {
            decide(u, rule, ctx, out); // no peers to order with, or too late to order
            return;
        }
        pending.add(u);
        ctx.timerService().registerEventTimeTimer(end);
    }

    private void decide(IncidentUpdate u, ConvergenceRule rule, Context ctx, Collector<IncidentRow> out) throws Exception {
        if (rule == null) {
            if (u.opens()) {
                IncidentUpdate handled = u.withConvergence(Decision.HANDLE.label(), null);
                ctx.output(IncidentTags.EVENTS, IncidentEvents.of(handled, IncidentEventType.ANALYSIS_REQUESTED, u.at(),
                        Map.of("convergence", "none"), null));
                ctx.output(IncidentTags.ANALYSIS_REQUESTS, handled);
                out.collect(IncidentLifecycle.row(handled));
            } else {
                out.collect(IncidentLifecycle.row(u));
            }
            return;
        }
        String key = ctx.getCurrentKey();
        ConvergenceState s = states.value();
        if (s == null) {
            s = new ConvergenceState();
        }
        if (u.opens()) {
            Verdict v = ConvergenceDecider.onOpened(s, rule, key, u.incidentId(), u.at());
            if (v.newWindow()) {
                ctx.timerService().registerEventTimeTimer(sliceEnd(v.windowEnd()));
            }
            decided(u, v, rule, key, s, ctx, out);
        } else {
            out.collect(IncidentLifecycle.row(u));
            if (u.closes()) {
                if (rule.function() == io.nightwatch.functions.incidents.config.ConvergeFunction.DEFENSE) {
                    ctx.output(IncidentTags.HELD, u);
                }
                if (ConvergenceDecider.onClosed(s, u.incidentId())) {
                    IncidentUpdate summary = SummaryIncidents.update(s, rule, key, NotificationKind.RESOLVED, u.at(), List.of());
                    ctx.output(IncidentTags.EVENTS, IncidentEvents.of(summary, IncidentEventType.RESOLVED, u.at(),
                            Map.of("collected", Integer.toString(s.summaryCollected)), null));
                    out.collect(IncidentLifecycle.row(summary));
                    ConvergenceDecider.closeSummary(s);
                }
            }
        }
        store(s);
    }

    private void decided(IncidentUpdate u, Verdict v, ConvergenceRule rule, String key, ConvergenceState s, Context ctx,
            Collector<IncidentRow> out) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("rule", rule.name());
        a.put("function", rule.function().name().toLowerCase());
        a.put("key", key);
        a.put("peersInWindow", Integer.toString(v.peers()));
        a.put("decision", v.decision().label());
        IncidentUpdate decided = u.withConvergence(v.decision().label(), v.summaryId());
        switch (v.decision()) {
            case HANDLE -> {
                ctx.output(IncidentTags.EVENTS, IncidentEvents.of(decided, IncidentEventType.ANALYSIS_REQUESTED, u.at(), a, null));
                ctx.output(IncidentTags.ANALYSIS_REQUESTS, decided);
            }
            case SKIP -> {
                a.put("peer", v.peer());
                ctx.output(IncidentTags.EVENTS, IncidentEvents.of(decided, IncidentEventType.CONVERGED, u.at(), a, null));
            }
            case HOLD -> {
                long expires = u.at() + rule.approvalTimeout().toMillis();
                a.put("expiresAt", Instant.ofEpochMilli(expires).toString());
                a.put("approvalTimeout", Durations.format(rule.approvalTimeout()));
                ctx.output(IncidentTags.EVENTS, IncidentEvents.of(decided, IncidentEventType.CONVERGED, u.at(), a, null));
                ctx.output(IncidentTags.HELD, decided);
            }
            case COLLECT -> {
                a.put("into", v.summaryId());
                ctx.output(IncidentTags.EVENTS, IncidentEvents.of(decided, IncidentEventType.CONVERGED, u.at(), a, null));
                SummaryIncidents.absorb(s, u, rule, key);
                IncidentUpdate summary = SummaryIncidents.update(s, rule, key,
                        v.summaryCreated() ? NotificationKind.OPENED : NotificationKind.NOTIFIED, u.at(), s.summaryMembers);
                if (v.summaryCreated()) {
                    Map<String, String> sa = new LinkedHashMap<>();
                    sa.put("rule", rule.name());
                    sa.put("function", "collect");
                    sa.put("key", key);
                    sa.put("first", u.incidentId());
                    ctx.output(IncidentTags.EVENTS, IncidentEvents.of(summary, IncidentEventType.OPENED, u.at(), sa, null));
                    ctx.output(IncidentTags.EVENTS, IncidentEvents.of(summary, IncidentEventType.ANALYSIS_REQUESTED, u.at(),
                            Map.of("convergence", "summary", "rule", rule.name()), null));
                    ctx.output(IncidentTags.ANALYSIS_REQUESTS, summary);
                }
                out.collect(IncidentLifecycle.row(summary));
            }
        }
        out.collect(IncidentLifecycle.row(decided));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentRow> out) throws Exception {
        List<IncidentUpdate> due = new ArrayList<>();
        List<IncidentUpdate> later = new ArrayList<>();
        Iterable<IncidentUpdate> waiting = pending.get();
        if (waiting != null) {
            for (IncidentUpdate u : waiting) {
                (sliceEnd(u.at()) <= timestamp ? due : later).add(u);
            }
        }
        if (!due.isEmpty()) {
            if (later.isEmpty()) {
                pending.clear();
            } else {
                pending.update(later);
            }
        }
        due.sort(Comparator.comparingLong((IncidentUpdate u) -> sliceEnd(u.at())).thenComparing(ORDER));
        ConvergenceRule rule = config.convergenceRuleOf(ctx.getCurrentKey());
        ConvergenceState s = states.value();
        long windowEnd = s == null ? 0 : s.windowEnd;
        boolean windowDue = windowEnd != 0 && sliceEnd(windowEnd) <= timestamp;
        for (IncidentUpdate u : due) {
            if (windowDue && u.at() >= windowEnd) {
                endWindow(windowEnd, ctx, out);
                windowDue = false;
            }
            decide(u, rule, ctx, out);
        }
        if (windowDue) {
            endWindow(windowEnd, ctx, out);
        }
    }

    /** The convergence window that ended at {@code end}: the summary is notified of what it collected during it. */
    private void endWindow(long end, Context ctx, Collector<IncidentRow> out) throws Exception {
        ConvergenceState s = states.value();
        if (s == null || s.windowEnd != end) {
            return;
        }
        ConvergenceRule rule = config.convergenceRuleOf(ctx.getCurrentKey());
        List<String> collected = ConvergenceDecider.onWindowEnd(s, end);
        if (rule != null && s.summaryId != null && !collected.isEmpty()) {
            IncidentUpdate summary = SummaryIncidents.update(s, rule, ctx.getCurrentKey(), NotificationKind.NOTIFIED,
                    end, s.summaryMembers);
            Map<String, String> a = new LinkedHashMap<>();
            a.put("collectedInWindow", Integer.toString(collected.size()));
            a.put("collectedTotal", Integer.toString(s.summaryCollected));
            a.put("members", String.join(",", collected));
            ctx.output(IncidentTags.EVENTS, IncidentEvents.of(summary, IncidentEventType.NOTIFIED, end, a, null));
            out.collect(IncidentLifecycle.row(summary));
        }
        store(s);
    }

    private void store(ConvergenceState s) throws Exception {
        if (s.idle()) {
            states.clear();
        } else {
            states.update(s);
        }
    }
}

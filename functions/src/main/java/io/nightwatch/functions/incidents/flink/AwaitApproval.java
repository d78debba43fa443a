package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.incidents.config.ConvergenceRule;
import io.nightwatch.functions.incidents.config.IncidentsConfig;
import io.nightwatch.functions.incidents.lifecycle.IncidentEvents;
import io.nightwatch.functions.incidents.lifecycle.IncidentLifecycle;
import io.nightwatch.functions.incidents.model.IncidentRow;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Holds an incident for approval (keyed by incident): {@code APPROVED} requests its analysis, {@code REJECTED}
 * ends the hold, and without either the hold expires after the rule's {@code approval_timeout} (an event-time
 * timer). The hold also ends if the incident resolves first. State is cleared in every case.
 */
public final class AwaitApproval extends KeyedCoProcessFunction<String, IncidentUpdate, IncidentEvent, IncidentRow> {

    private static final long serialVersionUID = 1L;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private final IncidentsConfig config;
    private transient ValueState<IncidentUpdate> held;
    private transient ValueState<Long> expiry;
    private transient Counter stray;

    public AwaitApproval(IncidentsConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        held = getRuntimeContext().getState(new ValueStateDescriptor<>("held", TypeInformation.of(IncidentUpdate.class)));
        expiry = getRuntimeContext().getState(new ValueStateDescriptor<>("expiry", TypeInformation.of(Long.class)));
        stray = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(Counters.STRAY_APPROVALS);
    }

    @Override
    public void processElement1(IncidentUpdate u, Context ctx, Collector<IncidentRow> out) throws Exception {
        if (u.closes()) {
            release(ctx);
            return;
        }
        ConvergenceRule rule = config.convergenceRuleOf(u.convergenceKey());
        long expires = u.at() + (rule == null ? DEFAULT_TIMEOUT : rule.approvalTimeout()).toMillis();
        held.update(u);
        expiry.update(expires);
        ctx.timerService().registerEventTimeTimer(expires);
    }

    @Override
    public void processElement2(IncidentEvent approval, Context ctx, Collector<IncidentRow> out) throws Exception {
        IncidentUpdate u = held.value();
        if (u == null) {
            stray.inc();
            return;
        }
        long at = ctx.timestamp() != null ? ctx.timestamp() : approval.at().toEpochMilli();
        Map<String, String> a = new LinkedHashMap<>();
        a.put("by", approval.attributes().getOrDefault("by", "unknown"));
        if (approval.attributes().containsKey("comment")) {
            a.put("comment", approval.attributes().get("comment"));
        }
        if (approval.type() == IncidentEventType.APPROVED) {
            IncidentUpdate approved = u.withConvergence("approved", null);
            ctx.output(IncidentTags.EVENTS, IncidentEvents.of(approved, IncidentEventType.APPROVED, at, a, null));
            ctx.output(IncidentTags.EVENTS, IncidentEvents.of(approved, IncidentEventType.ANALYSIS_REQUESTED, at,
                    Map.of("convergence", "approved"), null));
            ctx.output(IncidentTags.ANALYSIS_REQUESTS, approved);
            out.collect(IncidentLifecycle.decisionRow(u, "approved", at));
        } else {
            ctx.output(IncidentTags.EVENTS, IncidentEvents.of(u, IncidentEventType.REJECTED, at, a, null));
            out.collect(IncidentLifecycle.decisionRow(u, "rejected", at));
        }
        release(ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentRow> out) throws Exception {
        IncidentUpdate u = held.value();
        Long expires = expiry.value();
        if (u == null || expires == null || expires != timestamp) {
            return;
        }
        ctx.output(IncidentTags.EVENTS, IncidentEvents.of(u, IncidentEventType.EXPIRED, timestamp,
                Map.of("reason", "no approval within the hold's timeout"), null));
        out.collect(IncidentLifecycle.decisionRow(u, "expired", timestamp));
        held.clear();
        expiry.clear();
    }

    private void release(Context ctx) throws Exception {
        Long expires = expiry.value();
        if (expires != null) {
            ctx.timerService().deleteEventTimeTimer(expires);
        }
        held.clear();
        expiry.clear();
    }
}

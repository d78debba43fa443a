package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.incidents.config.IncidentsConfig;
import io.nightwatch.functions.incidents.config.Route;
import io.nightwatch.functions.incidents.grouping.AggregationGroup;
import io.nightwatch.functions.incidents.grouping.FlushResult;
import io.nightwatch.functions.incidents.grouping.GroupState;
import io.nightwatch.functions.incidents.intake.SilenceRecords;
import io.nightwatch.functions.incidents.lifecycle.IncidentLifecycle;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.MuteSignal;
import io.nightwatch.functions.incidents.model.Notification;
import io.nightwatch.functions.incidents.model.NotificationKind;
import io.nightwatch.functions.incidents.model.RoutedAlert;
import io.nightwatch.functions.incidents.muting.CompiledSilence;
import io.nightwatch.functions.incidents.muting.InhibitionIndex;
import io.nightwatch.functions.incidents.muting.MuteIndex;
import io.nightwatch.functions.incidents.muting.SourceVersions;
import io.nightwatch.schemas.Silence;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The aggregation groups (keyed by group): loads the group, delegates to {@link AggregationGroup}, keeps one
 * event-time timer per group at its next flush, and clears the state when the group empties. Silences and
 * inhibition-source alerts arrive on the broadcast input and mute alerts at flush time. Each notification becomes
 * an {@link IncidentUpdate} (main output) and an event-log entry (side output).
 */
public final class GroupAlerts extends KeyedBroadcastProcessFunction<String, RoutedAlert, MuteSignal, IncidentUpdate> {

    private static final long serialVersionUID = 1L;
    private static final long PRUNE_EVERY_MS = 1000;

    private final IncidentsConfig config;
    private transient ValueState<GroupState> groups;
    private transient MuteIndex muter;
    private transient long prunedAt = Long.MIN_VALUE;
    private transient Counter late;
    private transient Counter mutedAlerts;
    private transient Counter notifications;
    private transient Counter opened;
    private transient LongMaximum lastNotificationAt;
    private transient LongMaximum lastInsertAt;
    private transient org.apache.flink.api.common.accumulators.LongMinimum firstInsertAt;

    public GroupAlerts(IncidentsConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        groups = getRuntimeContext().getState(new ValueStateDescriptor<>("group", TypeInformation.of(GroupState.class)));
        var metrics = getRuntimeContext().getMetricGroup().addGroup("nightwatch");
        late = metrics.counter(Counters.LATE_RECORDS);
        mutedAlerts = metrics.counter(Counters.MUTED_ALERTS);
        notifications = metrics.counter(Counters.NOTIFICATIONS);
        opened = metrics.counter(Counters.INCIDENTS_OPENED);
        lastNotificationAt = new LongMaximum();
        getRuntimeContext().addAccumulator(Counters.LAST_NOTIFICATION_AT, lastNotificationAt);
        lastInsertAt = new LongMaximum();
        getRuntimeContext().addAccumulator(Counters.LAST_INSERT_AT, lastInsertAt);
        firstInsertAt = new org.apache.flink.api.common.accumulators.LongMinimum();
        getRuntimeContext().addAccumulator(Counters.FIRST_INSERT_AT, firstInsertAt);
    }

    @Override
    public void processElement(RoutedAlert routed, ReadOnlyContext ctx, Collector<IncidentUpdate> out) throws Exception {
        Route route = config.routes().route(routed.routeIndex());
        if (route == null) {
            return; // the routing tree changed since this alert was routed
        }
        long watermark = ctx.timerService().currentWatermark();
        if (routed.alert().receivedAt() <= watermark) {
            late.inc();
        }
        GroupState g = groups.value();
        long before = Long.MIN_VALUE;
        if (g == null) {
            Map<String, String> labels = route.groupLabels(routed.alert().labels());
            g = AggregationGroup.create(route, route.groupKey(labels), labels, routed.alert().receivedAt());
        } else {
            before = g.nextFlushAt;
        }
        long next = AggregationGroup.insert(g, routed.alert(), route);
        if (next != before) {
            if (before != Long.MIN_VALUE) {
                ctx.timerService().deleteEventTimeTimer(before);
            }
            ctx.timerService().registerEventTimeTimer(next);
        }
        groups.update(g);
        long now = System.currentTimeMillis();
        if (firstInsertAt.getLocalValuePrimitive() == Long.MAX_VALUE) {
            firstInsertAt.add(now);
        }
        lastInsertAt.add(now);
    }

    @Override
    public void onTimer(long at, OnTimerContext ctx, Collector<IncidentUpdate> out) throws Exception {
        GroupState g = groups.value();
        if (g == null || at != g.nextFlushAt) {
            return;
        }
        Route route = config.routes().route(g.routeIndex);
        if (route == null) {
            groups.clear();
            return;
        }
        FlushResult r = AggregationGroup.flush(g, at, route, muter(ctx.getBroadcastState(MuteStates.SILENCES),
                ctx.getBroadcastState(MuteStates.SOURCES)));
        mutedAlerts.inc(r.mutedCount());
        emit(g, r.notification(), ctx, out);
        emit(g, r.closing(), ctx, out);
        if (r.empty()) {
            groups.clear();
            return;
        }
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            // the end of a bounded input: fast-forward to the next tick where something changes
            long next = AggregationGroup.nextChangeTick(g, at, route);
            if (next == Long.MAX_VALUE) {
                groups.update(g);
                return;
            }
            g.nextFlushAt = next;
        }
        groups.update(g);
        ctx.timerService().registerEventTimeTimer(g.nextFlushAt);
    }

    private void emit(GroupState g, Notification n, OnTimerContext ctx, Collector<IncidentUpdate> out) {
        if (n == null) {
            return;
        }
        if (n.kind() == NotificationKind.OPENED) {
            g.convergenceKey = IncidentLifecycle.convergenceKey(config, IncidentLifecycle.incidentLabels(n), n.incidentId());
            opened.inc();
        }
        if (n.kind() != NotificationKind.CLOSED) {
            notifications.inc();
        }
        IncidentUpdate u = IncidentLifecycle.update(n, config.priority(), g.convergenceKey);
        out.collect(u);
        lastNotificationAt.add(System.currentTimeMillis());
        ctx.output(IncidentTags.EVENTS, IncidentLifecycle.event(n, u));
    }

    @Override
    public void processBroadcastElement(MuteSignal signal, Context ctx, Collector<IncidentUpdate> out) throws Exception {
        BroadcastState<String, Silence> silences = ctx.getBroadcastState(MuteStates.SILENCES);
        BroadcastState<String, SourceVersions> sources = ctx.getBroadcastState(MuteStates.SOURCES);
        MuteIndex index = muter(silences, sources);
        long watermark = ctx.currentWatermark();
        if (signal.silence() != null) {
            Silence s = signal.silence();
            if (SilenceRecords.isTombstone(s)) {
                silences.remove(s.id());
                index.silences().remove(s.id());
            } else {
                silences.put(s.id(), s);
                index.silences().put(CompiledSilence.of(s));
            }
            for (String ended : index.silences().endedBefore(watermark)) {
                silences.remove(ended);
                index.silences().remove(ended);
            }
        }
        if (signal.source() != null) {
            SourceVersions sv = index.inhibition().put(signal.source());
            sources.put(signal.source().fingerprint(), sv);
            if (watermark < prunedAt + PRUNE_EVERY_MS) {
                return; // prune at most once per second of event time: it scans every source
            }
            prunedAt = watermark;
            InhibitionIndex.Pruned pruned = index.inhibition().prune(watermark);
            for (String fp : pruned.changed()) {
                sources.put(fp, index.inhibition().versions(fp));
            }
            for (String fp : pruned.removed()) {
                sources.remove(fp);
            }
        }
    }

    /** The mute index, rebuilt from broadcast state after a restore. */
    private MuteIndex muter(ReadOnlyBroadcastState<String, Silence> silences,
            ReadOnlyBroadcastState<String, SourceVersions> sources) throws Exception {
        if (muter == null) {
            MuteIndex index = new MuteIndex(config.inhibitRules());
            for (Map.Entry<String, Silence> e : silences.immutableEntries()) {
                index.silences().put(CompiledSilence.of(e.getValue()));
            }
            for (Map.Entry<String, SourceVersions> e : sources.immutableEntries()) {
                index.inhibition().restore(e.getKey(), e.getValue());
            }
            muter = index;
        }
        return muter;
    }
}

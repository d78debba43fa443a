package io.nightwatch.functions.rules;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.Rollup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Evaluates alert rules on rollups. Rules arrive as broadcast state (a new version replaces the old one whole, so a
 * rule is never half-updated; older versions are ignored); each rollup finds its candidate rules through the
 * {@link RuleIndex}. Per (series, rule) a {@link RuleTracker} in keyed state decides firing and resolving; a rule
 * deleted or disabled resolves its firing alerts at once, and trackers of a series that stopped reporting are
 * resolved and dropped after {@code staleAfter} windows without data.
 */
public final class RuleEngineFunction extends KeyedBroadcastProcessFunction<String, Rollup, RuleUpdate, Alert> {

    /** The broadcast state of rules by id. */
    public static final MapStateDescriptor<String, AlertRule> RULES =
            new MapStateDescriptor<>("alert-rules", Types.STRING, TypeInformation.of(AlertRule.class));

    private static final MapStateDescriptor<String, RuleTracker> TRACKERS =
            new MapStateDescriptor<>("rule-trackers", Types.STRING, TypeInformation.of(RuleTracker.class));

    private final int staleAfterWindows;
    private transient MapState<String, RuleTracker> trackers;
    private transient RuleIndex index;
    private transient Map<String, AlertRule> indexed;
    private transient Counter firing;
    private transient Counter resolved;

    public RuleEngineFunction(int staleAfterWindows) {
        this.staleAfterWindows = staleAfterWindows;
    }

    @Override
    public void open(OpenContext openContext) {
        trackers = getRuntimeContext().getMapState(TRACKERS);
        firing = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter("alertsFiring");
        resolved = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter("alertsResolved");
    }

    @Override
    public void processBroadcastElement(RuleUpdate update, Context ctx, Collector<Alert> out) throws Exception {
        BroadcastState<String, AlertRule> rules = ctx.getBroadcastState(RULES);
        AlertRule current = rules.get(update.ruleId());
        if (update.rule() != null && current != null && update.rule().version() <= current.version()) {
            return; // replay of an older or the same version
        }
        if (update.rule() == null || !update.rule().enabled()) {
            if (update.rule() == null) {
                rules.remove(update.ruleId());
            } else {
                rules.put(update.ruleId(), update.rule());
            }
            long now = Math.max(0, ctx.currentWatermark());
            String reason = update.rule() == null ? "the rule was deleted" : "the rule was disabled";
            ctx.applyToKeyedState(TRACKERS, new ResolveRuleOnEveryKey(this, update.ruleId(), now, reason, out));
        } else {
            rules.put(update.ruleId(), update.rule());
        }
        index = null; // rebuilt on the next rollup
    }

    @Override
    public void processElement(Rollup r, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        RuleIndex idx = index(ctx.getBroadcastState(RULES));
        List<CompiledRule> matching = idx.matching(r.metric(), RuleAlerts.matchLabels(r));
        for (CompiledRule c : matching) {
            AlertRule rule = c.rule();
            if (rule.resolution() != r.resolution() || !rule.enabled()) {
                continue;
            }
            RuleTracker t = trackers.get(rule.id());
            if (t == null) {
                t = new RuleTracker();
            }
            Transition tr = RuleEvaluator.evaluate(rule, r, t);
            emit(rule, r, t, tr, out);
            trackers.put(rule.id(), t);
            ctx.timerService().registerEventTimeTimer(t.lastWindowEnd + staleAfterWindows * r.resolution().millis());
        }
        if (!trackers.isEmpty()) {
            dropTrackersOfRulesThatNoLongerMatch(r, matching, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, RuleTracker> e : trackers.entries()) {
            AlertRule rule = ctx.getBroadcastState(RULES).get(e.getKey());
            long windowMillis = rule == null ? 60_000L : rule.resolution().millis();
            if (e.getValue().lastWindowEnd + staleAfterWindows * windowMillis <= timestamp) {
                stale.add(e.getKey());
            }
        }
        for (String id : stale) {
            resolveAndDrop(trackers, id, timestamp, "no data for " + staleAfterWindows + " windows", out);
        }
    }

    private void dropTrackersOfRulesThatNoLongerMatch(Rollup r, List<CompiledRule> matching, Collector<Alert> out)
            throws Exception {
        List<String> gone = new ArrayList<>();
        for (String id : trackers.keys()) {
            AlertRule rule = indexed.get(id);
            if (rule != null && rule.resolution() == r.resolution()
                    && matching.stream().noneMatch(c -> c.id().equals(id))) {
                gone.add(id);
            }
        }
        for (String id : gone) {
            resolveAndDrop(trackers, id, r.windowStart().toEpochMilli(), "the rule no longer matches this series", out);
        }
    }

    private void emit(AlertRule rule, Rollup r, RuleTracker t, Transition tr, Collector<Alert> out) {
        if (tr == Transition.FIRING) {
            firing.inc();
            t.alert = RuleAlerts.alert(rule, r, AlertStatus.FIRING, Instant.ofEpochMilli(t.firingSince), null, t.lastValue);
            out.collect(t.alert);
        } else if (tr == Transition.RESOLVED && t.alert != null) {
            resolved.inc();
            out.collect(RuleAlerts.resolution(t.alert, Instant.ofEpochMilli(t.lastWindowEnd), null));
            t.alert = null;
        }
    }

    /** Resolves and drops one rule's tracker on every series (a rule was deleted or disabled). */
    private static final class ResolveRuleOnEveryKey
            implements org.apache.flink.runtime.state.KeyedStateFunction<String, MapState<String, RuleTracker>> {
        private final RuleEngineFunction engine;
        private final String ruleId;
        private final long at;
        private final String reason;
        private final Collector<Alert> out;

        ResolveRuleOnEveryKey(RuleEngineFunction engine, String ruleId, long at, String reason, Collector<Alert> out) {
            this.engine = engine;
            this.ruleId = ruleId;
            this.at = at;
            this.reason = reason;
            this.out = out;
        }

        @Override
        public void process(String series, MapState<String, RuleTracker> state) throws Exception {
            engine.resolveAndDrop(state, ruleId, at, reason, out);
        }
    }

    private void resolveAndDrop(MapState<String, RuleTracker> state, String ruleId, long at, String reason,
            Collector<Alert> out) throws Exception {
        RuleTracker t = state.get(ruleId);
        if (t == null) {
            return;
        }
        if (t.firing && t.alert != null) {
            resolved.inc();
            out.collect(RuleAlerts.resolution(t.alert, Instant.ofEpochMilli(Math.max(at, t.lastWindowEnd)), reason));
        }
        state.remove(ruleId);
    }

    private RuleIndex index(ReadOnlyBroadcastState<String, AlertRule> rules) throws Exception {
        if (index == null) {
            List<CompiledRule> compiled = new ArrayList<>();
            Map<String, AlertRule> byId = new HashMap<>();
            for (Map.Entry<String, AlertRule> e : rules.immutableEntries()) {
                try {
                    compiled.add(CompiledRule.compile(e.getValue()));
                    byId.put(e.getKey(), e.getValue());
                } catch (InvalidRuleException ex) {
                    throw new IllegalStateException("an invalid rule reached the broadcast state: " + ex.getMessage(), ex);
                }
            }
            index = RuleIndex.of(compiled);
            indexed = byId;
        }
        return index;
    }
}

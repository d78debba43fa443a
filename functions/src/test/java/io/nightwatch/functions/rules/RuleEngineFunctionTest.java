package io.nightwatch.functions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.Comparison;
import io.nightwatch.schemas.ConditionKind;
import io.nightwatch.schemas.FilterOp;
import io.nightwatch.schemas.LabelFilter;
import io.nightwatch.schemas.Resolution;
import io.nightwatch.schemas.Rollup;
import io.nightwatch.schemas.RuleCondition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The rule engine operator with its broadcast rules and keyed trackers. */
class RuleEngineFunctionTest {

    private static final Instant BEGINNING = Instant.parse("2026-11-22T05:00:00Z");

    /** Keys rollups by series. */
    static final class BySeries implements KeySelector<Rollup, String> {
        @Override
        public String getKey(Rollup r) {
            return r.series();
        }
    }

    private static AlertRule rule(int version, double threshold, long forSeconds, boolean enabled) {
        return new AlertRule("lat", version, "HighLatency", "latency_ms", Resolution.M1,
                List.of(new LabelFilter("service", FilterOp.EQUAL, List.of("checkout"))),
                new RuleCondition(ConditionKind.THRESHOLD, "avg", Comparison.GT, threshold, 0), forSeconds, "critical",
                enabled, Map.of(), Map.of(), null);
    }

    private static Rollup window(String instance, int minute, double avg) {
        return new Rollup("checkout/" + instance + "/latency_ms", "checkout", instance, "latency_ms", Map.of(),
                Resolution.M1, BEGINNING.plusSeconds(60L * minute), 1, avg, avg, avg, avg, null, null, null);
    }

    private static KeyedBroadcastOperatorTestHarness<String, Rollup, RuleUpdate, Alert> harness() throws Exception {
        KeyedBroadcastOperatorTestHarness<String, Rollup, RuleUpdate, Alert> h =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new RuleEngineFunction(3), new BySeries(),
                        Types.STRING, RuleEngineFunction.RULES);
        h.open();
        h.processBroadcastWatermark(new Watermark(Long.MAX_VALUE)); // as RulesDoNotHoldEventTime does in the job
        return h;
    }

    private static void feed(KeyedBroadcastOperatorTestHarness<String, Rollup, RuleUpdate, Alert> h, Rollup r) throws Exception {
        long end = r.windowStart().toEpochMilli() + 60_000;
        h.processElement(new StreamRecord<>(r, end - 1));
        h.processWatermark(new Watermark(end));
    }

    private static List<String> alerts(KeyedBroadcastOperatorTestHarness<String, Rollup, RuleUpdate, Alert> h) {
        return h.extractOutputValues().stream()
                .map(a -> a.labels().get("instance") + ":" + a.status() + ":" + a.annotations().get("rule_version")).toList();
    }

    private static int keyedStateEntries(KeyedBroadcastOperatorTestHarness<String, Rollup, RuleUpdate, Alert> h) {
        return ((HeapKeyedStateBackend<?>) h.getOperator().getKeyedStateBackend()).numKeyValueStateEntries();
    }

    @Test
    void aChangedRuleTakesEffectFromTheNextWindow() throws Exception {
        try (var h = harness()) {
            h.processBroadcastElement(new RuleUpdate("lat", rule(1, 100, 0, true)), 0);
            feed(h, window("c1", 0, 150));
            assertThat(alerts(h)).containsExactly("c1:FIRING:1");
            h.processBroadcastElement(new RuleUpdate("lat", rule(2, 200, 0, true)), 0);
            feed(h, window("c1", 1, 150)); // 150 no longer above the new threshold
            assertThat(alerts(h)).containsExactly("c1:FIRING:1", "c1:RESOLVED:1");
            h.processBroadcastElement(new RuleUpdate("lat", rule(1, 10, 0, true)), 0); // a replayed older version
            feed(h, window("c1", 2, 150));
            assertThat(alerts(h)).hasSize(2);
        }
    }

    @Test
    void resolutionCarriesTheFiringAlertsFingerprint() throws Exception {
        try (var h = harness()) {
            h.processBroadcastElement(new RuleUpdate("lat", rule(1, 100, 120, true)), 0);
            feed(h, window("c1", 0, 150));
            assertThat(h.extractOutputValues()).isEmpty(); // for 2 minutes: not yet
            feed(h, window("c1", 1, 150));
            feed(h, window("c1", 2, 50));
            List<Alert> out = h.extractOutputValues();
            assertThat(out).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
            assertThat(out.get(1).fingerprint()).isEqualTo(out.get(0).fingerprint());
            assertThat(out.get(0).startsAt()).isEqualTo(BEGINNING);
            assertThat(out.get(1).endsAt()).isEqualTo(BEGINNING.plusSeconds(180));
        }
    }

    @Test
    void deletingARuleResolvesItsAlertsAndDropsTheirState() throws Exception {
        try (var h = harness()) {
            h.processBroadcastElement(new RuleUpdate("lat", rule(1, 100, 0, true)), 0);
            feed(h, window("c1", 0, 150));
            feed(h, window("c2", 0, 150));
            h.processBroadcastElement(new RuleUpdate("lat", null), 0);
            assertThat(alerts(h)).containsExactlyInAnyOrder("c1:FIRING:1", "c2:FIRING:1", "c1:RESOLVED:1", "c2:RESOLVED:1");
            assertThat(keyedStateEntries(h)).isZero();
        }
    }

    @Test
    void aSeriesThatStopsReportingIsResolvedAndItsStateAndTimersCleared() throws Exception {
        try (var h = harness()) {
            h.processBroadcastElement(new RuleUpdate("lat", rule(1, 100, 0, true)), 0);
            feed(h, window("c1", 0, 150));
            h.processWatermark(new Watermark(BEGINNING.toEpochMilli() + 10 * 60_000));
            assertThat(alerts(h)).containsExactly("c1:FIRING:1", "c1:RESOLVED:1");
            assertThat(h.extractOutputValues().get(1).annotations().get("resolved_because")).isEqualTo("no data for 3 windows");
            assertThat(keyedStateEntries(h)).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }
}

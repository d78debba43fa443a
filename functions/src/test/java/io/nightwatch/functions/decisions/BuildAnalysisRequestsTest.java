package io.nightwatch.functions.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.flink.Keys;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The request operator remembers every episode of an alert across incidents, per service, and forgets them by TTL. */
class BuildAnalysisRequestsTest {

    private static final Map<String, String> LABELS = Map.of("alertname", "LedgerLatency", "service", "checkout",
            "instance", "checkout-2", "rule_id", "lat", "severity", "warning");

    private static AlertInstance version(Instant startsAt, Instant endsAt, Instant receivedAt) {
        return new AlertInstance("fp1", LABELS, Map.of(), startsAt.toEpochMilli(), endsAt.toEpochMilli(),
                endsAt.isAfter(receivedAt), receivedAt.toEpochMilli(), "nightwatch-rules", null);
    }

    @Test
    void theThirdIncidentOfAFlappingRuleIsAskedAboutWithTheEarlierEpisodes() throws Exception {
        Instant t = Decisions.OPENED.minusSeconds(600);
        try (var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new BuildAnalysisRequests(new AlertHistory(20, Duration.ofHours(1))), new DecisionKeys.AlertService(),
                new Keys.IncidentService(), Types.STRING)) {
            h.processElement1(new StreamRecord<>(version(t, t.plusSeconds(300), t)));
            h.processElement1(new StreamRecord<>(version(t, t.plusSeconds(60), t.plusSeconds(60))));
            h.processElement1(new StreamRecord<>(version(t.plusSeconds(180), t.plusSeconds(240), t.plusSeconds(240))));
            h.processElement1(new StreamRecord<>(version(Decisions.OPENED.minusSeconds(5), Decisions.OPENED.plusSeconds(300),
                    Decisions.OPENED.minusSeconds(5))));
            IncidentUpdate third = Decisions.opened("inc-3", List.of("fp1"), List.of("checkout-2"), null);
            h.processElement2(new StreamRecord<>(third));

            AnalysisRequest r = h.extractOutputValues().get(0);
            assertThat(r.alerts()).extracting(a -> a.status()).containsExactly(AlertStatus.RESOLVED, AlertStatus.RESOLVED,
                    AlertStatus.FIRING);
            assertThat(BuiltinAnalyzer.analyze(r, Decisions.DECIDED).decision().action()).isEqualTo(AnalysisAction.ADJUST_RULE);
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        }
    }
}

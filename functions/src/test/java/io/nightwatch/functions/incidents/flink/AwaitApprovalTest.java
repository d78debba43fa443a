package io.nightwatch.functions.incidents.flink;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static io.nightwatch.functions.incidents.TestAlerts.MINUTE;
import static io.nightwatch.functions.incidents.flink.TestUpdates.opened;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.config.IncidentsConfig;
import io.nightwatch.functions.incidents.config.IncidentsConfigParser;
import io.nightwatch.functions.incidents.model.IncidentRow;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class AwaitApprovalTest {

    private static final String KEY = "guard|service=checkout";
    private final IncidentsConfig config = IncidentsConfigParser.parse("""
            route: {receiver: r}
            nightwatch:
              convergence:
                - {name: guard, dimensions: [service], count: 1, function: defense, approval_timeout: 10m}
            """, "t");

    private KeyedTwoInputStreamOperatorTestHarness<String, IncidentUpdate, IncidentEvent, IncidentRow> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new AwaitApproval(config), new Keys.IncidentId(),
                new Keys.ApprovedIncident(), Types.STRING);
    }

    private static IncidentEvent approval(String incident, IncidentEventType type, long at) {
        return new IncidentEvent(incident + ":" + type + ":" + at, incident, type, Instant.ofEpochMilli(at), null, null, null,
                null, List.of(), Map.of("by", "alice"), null);
    }

    @Test
    void anApprovalRequestsTheAnalysisAndClearsTheHold() throws Exception {
        var h = harness();
        h.processElement1(opened("i2", BEGINNING, KEY).withConvergence("held", null), BEGINNING);
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        h.processElement2(approval("i2", IncidentEventType.APPROVED, BEGINNING + MINUTE), BEGINNING + MINUTE);
        assertThat(Harnesses.drain(h, IncidentTags.EVENTS)).extracting(IncidentEvent::type, e -> e.attributes().get("by"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IncidentEventType.APPROVED, "alice"),
                        org.assertj.core.groups.Tuple.tuple(IncidentEventType.ANALYSIS_REQUESTED, null));
        assertThat(h.extractOutputValues()).extracting(IncidentRow::convergence).containsExactly("approved");
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void aHoldExpiresAfterTheTimeoutAndARejectionEndsIt() throws Exception {
        var h = harness();
        h.processElement1(opened("i3", BEGINNING, KEY), BEGINNING);
        h.processElement1(opened("i4", BEGINNING, KEY), BEGINNING);
        h.processElement2(approval("i4", IncidentEventType.REJECTED, BEGINNING + MINUTE), BEGINNING + MINUTE);
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(BEGINNING + 10 * MINUTE));
        assertThat(Harnesses.drain(h, IncidentTags.EVENTS)).extracting(e -> e.incidentId() + " " + e.type())
                .containsExactly("i4 REJECTED", "i3 EXPIRED");
        assertThat(h.extractOutputValues()).extracting(IncidentRow::id, IncidentRow::convergence).containsExactly(
                org.assertj.core.groups.Tuple.tuple("i4", "rejected"), org.assertj.core.groups.Tuple.tuple("i3", "expired"));
        h.processElement2(approval("i3", IncidentEventType.APPROVED, BEGINNING + 11 * MINUTE), BEGINNING + 11 * MINUTE);
        assertThat(Harnesses.drain(h, IncidentTags.EVENTS)).isEmpty();
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }
}

package io.nightwatch.functions.incidents.flink;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static io.nightwatch.functions.incidents.TestAlerts.MINUTE;
import static io.nightwatch.functions.incidents.flink.TestUpdates.opened;
import static io.nightwatch.functions.incidents.flink.TestUpdates.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.config.IncidentsConfig;
import io.nightwatch.functions.incidents.config.IncidentsConfigParser;
import io.nightwatch.functions.incidents.model.IncidentRow;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ConvergeIncidentsTest {

    private static final String KEY = "storm|dependency=db";
    private final IncidentsConfig config = IncidentsConfigParser.parse("""
            route: {receiver: r}
            nightwatch:
              convergence:
                - {name: storm, dimensions: [dependency], window: 5m, count: 2, function: collect}
            """, "t");

    @Test
    void collectsIncidentsBeyondTheCountIntoOneSummaryAndClearsStateWhenAllResolve() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, IncidentUpdate, IncidentRow> h = ProcessFunctionTestHarnesses
                .forKeyedProcessFunction(new ConvergeIncidents(config), new Keys.ConvergenceKey(), Types.STRING);
        for (int i = 4; i >= 1; i--) { // arriving in reverse: decided in event time all the same
            h.processElement(opened("i" + i, BEGINNING + 1000 * i, KEY), BEGINNING + 1000 * i);
        }
        assertThat(Harnesses.drain(h, IncidentTags.EVENTS)).as("nothing decided before the watermark").isEmpty();
        h.processWatermark(BEGINNING + 5000);
        List<IncidentEvent> events = Harnesses.drain(h, IncidentTags.EVENTS);
        assertThat(events).extracting(e -> e.incidentId() + " " + e.type()).containsExactly(
                "i1 ANALYSIS_REQUESTED", "i2 ANALYSIS_REQUESTED",
                "i3 CONVERGED", events.get(3).incidentId() + " OPENED", events.get(3).incidentId() + " ANALYSIS_REQUESTED",
                "i4 CONVERGED");
        String summary = events.get(3).incidentId();
        assertThat(summary).startsWith("sum-");
        assertThat(events.get(2).attributes()).containsEntry("into", summary).containsEntry("decision", "collected");
        assertThat(Harnesses.drain(h, IncidentTags.ANALYSIS_REQUESTS)).extracting(IncidentUpdate::incidentId)
                .containsExactly("i1", "i2", summary);
        List<IncidentRow> rows = h.extractOutputValues();
        assertThat(rows).filteredOn(r -> r.id().equals("i4")).extracting(IncidentRow::convergedInto).containsExactly(summary);
        assertThat(rows).filteredOn(r -> r.id().equals(summary)).last().extracting(IncidentRow::alertCount).isEqualTo(2);

        h.processWatermark(BEGINNING + 5 * MINUTE + 2000);
        assertThat(Harnesses.drain(h, IncidentTags.EVENTS)).extracting(IncidentEvent::type, e -> e.attributes().get("members"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IncidentEventType.NOTIFIED, "i3,i4"));

        for (int i = 1; i <= 4; i++) {
            h.processElement(resolved("i" + i, BEGINNING + 6 * MINUTE + i, KEY), BEGINNING + 6 * MINUTE + i);
        }
        h.processWatermark(BEGINNING + 7 * MINUTE);
        assertThat(Harnesses.drain(h, IncidentTags.EVENTS)).extracting(e -> e.incidentId() + " " + e.type())
                .containsExactly(summary + " RESOLVED");
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void decidesTheCriticalIncidentFirstWithinABatchDelaySliceWhateverTheArrivalOrder() throws Exception {
        IncidentsConfig one = IncidentsConfigParser.parse("""
                route: {receiver: r}
                nightwatch:
                  convergence:
                    - {name: storm, dimensions: [dependency], window: 5m, count: 1, function: collect}
                """, "t");
        KeyedOneInputStreamOperatorTestHarness<String, IncidentUpdate, IncidentRow> h = ProcessFunctionTestHarnesses
                .forKeyedProcessFunction(new ConvergeIncidents(one), new Keys.ConvergenceKey(), Types.STRING);
        h.processElement(TestUpdates.update("warn", io.nightwatch.functions.incidents.model.NotificationKind.OPENED,
                BEGINNING + 10, "checkout", "warning", 4, KEY, java.util.Map.of("dependency", "db"), List.of("c-1")), BEGINNING + 10);
        h.processElement(TestUpdates.update("crit", io.nightwatch.functions.incidents.model.NotificationKind.OPENED,
                BEGINNING + 150, "payments", "critical", 0, KEY, java.util.Map.of("dependency", "db"), List.of("p-1")), BEGINNING + 150);
        h.processWatermark(BEGINNING + 1000);
        assertThat(Harnesses.drain(h, IncidentTags.ANALYSIS_REQUESTS)).extracting(IncidentUpdate::incidentId)
                .first().isEqualTo("crit");
        assertThat(h.extractOutputValues()).filteredOn(r -> r.id().equals("warn")).extracting(IncidentRow::convergence)
                .containsExactly("collected");
        h.close();
    }

    @Test
    void requestsAnalysisAtOnceForIncidentsNoRuleCovers() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, IncidentUpdate, IncidentRow> h = ProcessFunctionTestHarnesses
                .forKeyedProcessFunction(new ConvergeIncidents(config), new Keys.ConvergenceKey(), Types.STRING);
        h.processElement(opened("x", BEGINNING, "incident|x"), BEGINNING);
        assertThat(Harnesses.drain(h, IncidentTags.EVENTS)).extracting(IncidentEvent::type)
                .containsExactly(IncidentEventType.ANALYSIS_REQUESTED);
        assertThat(h.extractOutputValues()).extracting(IncidentRow::convergence).containsExactly("handled");
        assertThat(h.numKeyedStateEntries()).isZero();
        h.close();
    }
}

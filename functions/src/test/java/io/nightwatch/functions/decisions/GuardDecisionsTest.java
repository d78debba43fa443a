package io.nightwatch.functions.decisions;

import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.analysis.AnalyzedIncident;
import io.nightwatch.functions.guard.GuardPolicy;
import io.nightwatch.functions.guard.Verdict;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.testing.Incidents;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The guard operator: the analysis and the verdict in the log, rate limits kept per service in keyed state. */
class GuardDecisionsTest {

    private static KeyedOneInputStreamOperatorTestHarness<String, AnalyzedIncident, GuardedDecision> harness() throws Exception {
        var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new GuardDecisions(GuardPolicy.defaults()),
                new DecisionKeys.AnalyzedService(), Types.STRING);
        h.setProcessingTime(Decisions.DECIDED.toEpochMilli());
        return h;
    }

    private static List<String> events(KeyedOneInputStreamOperatorTestHarness<?, ?, ?> h) {
        return h.getSideOutput(DecisionTags.EVENTS).stream().map(StreamRecord::getValue)
                .map(e -> e.type() + (e.type() == IncidentEventType.GUARD_VERDICT ? " " + e.attributes().get("verdict") : ""))
                .toList();
    }

    @Test
    void allowsTheFirstRollbackOfAServiceAndRejectsTheSecondWithinTheWindow() throws Exception {
        try (var h = harness()) {
            AnalysisRequest first = canaryIncident();
            AnalysisRequest second = Incidents.request(first.alerts(), first.anomalies(), first.release());
            h.processElement(new StreamRecord<>(Decisions.analyzed(first)));
            h.setProcessingTime(Decisions.DECIDED.plusSeconds(600).toEpochMilli());
            h.processElement(new StreamRecord<>(Decisions.analyzed(second)));

            assertThat(h.extractOutputValues()).extracting(d -> d.verdict().verdict())
                    .containsExactly(Verdict.ALLOW, Verdict.REJECT);
            assertThat(h.extractOutputValues().get(1).verdict().reasons())
                    .containsExactly("rate-limit-action: rate limit reached: checkout had 1 ROLLBACK_RELEASE in the last 30 min (max 1)");
            assertThat(events(h)).containsExactly("ANALYZER_STEP", "ANALYZED", "GUARD_VERDICT ALLOW",
                    "ANALYZER_STEP", "ANALYZED", "GUARD_VERDICT REJECT");
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void escalatesARollbackOfAFinishedReleaseAndKeepsNoSlotForIt() throws Exception {
        try (var h = harness()) {
            AnalysisRequest finished = Incidents.request(canaryIncident().alerts(), List.of(),
                    Incidents.finishedRelease(Incidents.RELEASED));
            h.processElement(new StreamRecord<>(Decisions.analyzed(finished)));

            assertThat(h.extractOutputValues()).extracting(d -> d.verdict().verdict()).containsExactly(Verdict.ESCALATE);
            List<IncidentEvent> events = h.getSideOutput(DecisionTags.EVENTS).stream().map(StreamRecord::getValue).toList();
            assertThat(events).extracting(IncidentEvent::type).endsWith(IncidentEventType.GUARD_VERDICT,
                    IncidentEventType.ESCALATED);
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }
}

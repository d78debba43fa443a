package io.nightwatch.functions.decisions;

import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.analysis.AnalyzedIncident;
import io.nightwatch.functions.guard.GuardVerdict;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import io.nightwatch.schemas.testing.Incidents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An analysis and the guard's verdict in the event log: one entry per step, the fallback, the result, the verdict. */
class AnalysisEventsTest {

    @Test
    void logsEveryStepThenTheResultWithIdsStableAcrossReplays() throws Exception {
        AnalysisRequest q = canaryIncident();
        List<IncidentEvent> events = AnalysisEvents.of(Decisions.analyzed(q));

        assertThat(events).extracting(IncidentEvent::type).containsExactly(IncidentEventType.ANALYZER_STEP,
                IncidentEventType.ANALYZED);
        long at = Incidents.THREE_MINUTES_LATER.toEpochMilli();
        assertThat(events).extracting(IncidentEvent::eventId).containsExactly(
                "inc-1:ANALYZER_STEP:" + at + ":001", "inc-1:ANALYZED:" + at);
        IncidentEvent step = events.get(0);
        assertThat(step.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("index", "1", "kind", "RULE",
                "name", "release-regression", "ok", "true", "durationMs", "0"));
        assertThat(Json.mapper().readTree(step.detail()).path("summary").asText()).startsWith("matched: ");
        IncidentEvent analyzed = events.get(1);
        assertThat(analyzed.attributes()).containsEntry("provider", "builtin").containsEntry("action", "ROLLBACK_RELEASE")
                .containsEntry("target", "rel-42").containsEntry("confidence", "0.90").containsEntry("fallback", "false");
        assertThat(Json.fromString(analyzed.detail(), AnalysisResult.class)).isEqualTo(Decisions.analyzed(q).result());
        assertThat(analyzed.incidentId()).isEqualTo("inc-1");
        assertThat(analyzed.service()).isEqualTo("checkout");
        assertThat(analyzed.alertFingerprints()).hasSize(1);
    }

    @Test
    void aFallbackInTheJobIsLoggedWithItsReason() {
        AnalysisRequest q = canaryIncident();
        AnalyzedIncident a = new AnalyzedIncident(q, BuiltinAnalyzer.fallback(q, "analyzer unreachable: ConnectException",
                Decisions.DECIDED), true);

        List<IncidentEvent> events = AnalysisEvents.of(a);

        assertThat(events).extracting(IncidentEvent::type).containsExactly(IncidentEventType.ANALYZER_STEP,
                IncidentEventType.ANALYZER_STEP, IncidentEventType.ANALYZER_FALLBACK, IncidentEventType.ANALYZED);
        assertThat(events.get(2).attributes()).containsEntry("by", "job")
                .containsEntry("reason", "analyzer unreachable: ConnectException");
        assertThat(events.get(3).attributes()).containsEntry("fallback", "true");
    }

    @Test
    void theVerdictListsEveryCheckAndAnEscalationHandsTheRollbackToAHuman() {
        AnalysisRequest finished = Incidents.request(canaryIncident().alerts(), List.of(),
                Incidents.finishedRelease(Incidents.RELEASED));
        GuardedDecision d = Decisions.guarded(finished, Decisions.result(finished, AnalysisAction.ROLLBACK_RELEASE,
                Incidents.RELEASE, Map.of(), 0.9));

        IncidentEvent verdict = GuardEvents.verdict(finished, d.verdict());
        assertThat(verdict.type()).isEqualTo(IncidentEventType.GUARD_VERDICT);
        assertThat(verdict.attributes()).containsEntry("verdict", "ESCALATE").containsEntry("action", "ROLLBACK_RELEASE")
                .containsEntry("reasons", "active-release: rollback not supported: release rel-42 is no longer active (COMPLETED)");
        assertThat(Json.fromString(verdict.detail(), GuardVerdict.class).checks()).hasSize(8);
        IncidentEvent escalation = GuardEvents.escalation(finished, d.verdict());
        assertThat(escalation.type()).isEqualTo(IncidentEventType.ESCALATED);
        assertThat(escalation.eventId()).endsWith(":ROLLBACK_RELEASE");
        assertThat(escalation.attributes()).containsEntry("release", "rel-42").containsEntry("by", "guard");

        AnalysisRequest q = canaryIncident();
        assertThat(GuardEvents.escalation(q, Decisions.guarded(q, Decisions.result(q, AnalysisAction.ROLLBACK_RELEASE,
                Incidents.RELEASE, Map.of(), 0.9)).verdict())).isNull();
    }
}

package io.nightwatch.functions.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.NotificationKind;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import io.nightwatch.schemas.testing.Incidents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the analyzer is asked about an incident: its headline, release context and every recent episode of its alerts. */
class AnalysisRequestsTest {

    private static Alert episode(String fp, Instant startsAt, Instant endsAt) {
        return new Alert(fp, "nightwatch-rules", "LedgerLatency", "warning", AlertStatus.FIRING,
                Map.of("alertname", "LedgerLatency", "service", "checkout", "instance", "checkout-2", "rule_id", "lat"),
                Map.of(), startsAt, endsAt, null);
    }

    @Test
    void carriesTheEarlierEpisodesSoTheAnalyzerSeesAFlappingRule() {
        Instant opened = Decisions.OPENED;
        AlertEpisodes episodes = new AlertEpisodes(List.of(
                episode("fp1", opened.minusSeconds(600), opened.minusSeconds(540)),
                episode("fp1", opened.minusSeconds(300), opened.minusSeconds(210)),
                episode("fp1", opened.minusSeconds(10), opened.plusSeconds(290))));
        IncidentUpdate u = Decisions.opened("inc-7", List.of("fp1"), List.of("checkout-2"), null);

        AnalysisRequest r = AnalysisRequests.of(u, fp -> fp.equals("fp1") ? episodes : null);

        assertThat(r.requestId()).isEqualTo("inc-7@" + opened.toEpochMilli());
        assertThat(r.incidentId()).isEqualTo("inc-7");
        assertThat(r.service()).isEqualTo("checkout");
        assertThat(r.instances()).containsExactly("checkout-2");
        assertThat(r.alerts()).extracting(Alert::status).containsExactly(AlertStatus.RESOLVED, AlertStatus.RESOLVED,
                AlertStatus.FIRING);
        assertThat(r.windowStart()).isEqualTo(opened.minusSeconds(600));
        assertThat(r.windowEnd()).isEqualTo(opened);
        assertThat(r.requestedAt()).isEqualTo(opened);
        var decision = BuiltinAnalyzer.analyze(r, opened).decision();
        assertThat(decision.action()).isEqualTo(AnalysisAction.ADJUST_RULE);
        assertThat(decision.target()).isEqualTo("lat");
        assertThat(decision.parameters()).isEqualTo(Map.of("forSeconds", "300"));
    }

    @Test
    void passesTheReleaseContextOfEnrichment() {
        IncidentUpdate u = Decisions.opened("inc-8", List.of("fp9"), List.of(Incidents.CANARY), Incidents.activeRelease());
        Alert alert = Incidents.firing("HighLatency", Incidents.CANARY, Decisions.OPENED);
        AnalysisRequest r = AnalysisRequests.of(u, fp -> new AlertEpisodes(List.of(alert)));
        assertThat(r.release()).isEqualTo(Incidents.activeRelease());
        assertThat(BuiltinAnalyzer.analyze(r, Decisions.DECIDED).decision().action()).isEqualTo(AnalysisAction.ROLLBACK_RELEASE);
    }

    @Test
    void describesASummaryIncidentByOneAlertWithItsSharedLabels() {
        IncidentUpdate summary = new IncidentUpdate("sum-1", NotificationKind.OPENED, false, true, null, null,
                Decisions.OPENED.toEpochMilli(), Decisions.OPENED.toEpochMilli(), 2, "checkout", "Converged: db", "warning", 4,
                Map.of("dependency", "db"), Map.of("dependency", "db"), List.of(), List.of("inc-1", "inc-2"), List.of(), 0,
                "2 incidents", "rule|db", null, null, null, "summary", null);

        AnalysisRequest r = AnalysisRequests.of(summary, fp -> null);

        assertThat(r.alerts()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo(AnalysisRequests.SUMMARY_ALERT);
            assertThat(a.labels()).containsEntry("dependency", "db").containsEntry("service", "checkout");
            assertThat(a.status()).isEqualTo(AlertStatus.FIRING);
        });
        assertThat(BuiltinAnalyzer.analyze(r, Decisions.DECIDED).decision().action()).isEqualTo(AnalysisAction.NOTIFY);
    }

    @Test
    void sendsAtMostTheMostRecentHundredEpisodes() {
        List<Alert> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(episode("fp1", Decisions.OPENED.minusSeconds(3000 - i * 10L), Decisions.OPENED.minusSeconds(2995 - i * 10L)));
        }
        AnalysisRequest r = AnalysisRequests.of(Decisions.opened("inc-9", List.of("fp1"), List.of(), null),
                fp -> new AlertEpisodes(many));
        assertThat(r.alerts()).hasSize(AnalysisRequests.MAX_ALERTS);
        assertThat(r.alerts().get(0).startsAt()).isEqualTo(Decisions.OPENED.minusSeconds(3000 - 50 * 10L));
    }
}

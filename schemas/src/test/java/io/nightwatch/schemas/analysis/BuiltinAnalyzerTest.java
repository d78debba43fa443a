package io.nightwatch.schemas.analysis;

import static io.nightwatch.schemas.testing.Incidents.BEGINNING;
import static io.nightwatch.schemas.testing.Incidents.CANARY;
import static io.nightwatch.schemas.testing.Incidents.HOSTILE;
import static io.nightwatch.schemas.testing.Incidents.RELEASED;
import static io.nightwatch.schemas.testing.Incidents.activeRelease;
import static io.nightwatch.schemas.testing.Incidents.annotated;
import static io.nightwatch.schemas.testing.Incidents.anomaly;
import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static io.nightwatch.schemas.testing.Incidents.finishedRelease;
import static io.nightwatch.schemas.testing.Incidents.firing;
import static io.nightwatch.schemas.testing.Incidents.request;
import static io.nightwatch.schemas.testing.Incidents.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.AnalysisStep;
import io.nightwatch.schemas.AnalysisStepKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builtin rules: each rule's decision on a named incident, exactly, and what they refuse to be steered by. */
class BuiltinAnalyzerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T05:43:05Z");

    @Test
    void rollsBackAnActiveReleaseWhenOnlyItsCanaryIsAbnormal() {
        AnalysisResult result = BuiltinAnalyzer.analyze(canaryIncident(), NOW);

        assertThat(result.decision()).isEqualTo(new AnalysisDecision(AnalysisAction.ROLLBACK_RELEASE, "rel-42", Map.of(),
                "only instances running 1.5.0 are abnormal and the release is still active"));
        assertThat(result.rootCause()).isEqualTo("release rel-42 (1.5.0) regressed on checkout-1, still at stage 1/4");
        assertThat(result.confidence()).isEqualTo(0.9);
        assertThat(result.evidence()).containsExactly(
                "checkout-1 runs 1.5.0 of rel-42 (stage 1/4); no baseline instance (checkout-2, checkout-3, checkout-4) is abnormal",
                "first signal at 2026-11-22T05:40:00Z, 5 min after the instances changed version",
                "alert HighLatency (critical) firing on checkout-1 since 2026-11-22T05:40:00Z",
                "anomaly on checkout/checkout-1/latency_ms: score 0.93 >= threshold 0.70, recent values 120.0, 410.5, 432.0 vs expected 90.0-160.0");
        assertThat(result.provider()).isEqualTo("builtin");
        assertThat(result.fallback()).isFalse();
        assertThat(result.fallbackReason()).isNull();
        assertThat(result.steps()).containsExactly(
                new AnalysisStep(1, AnalysisStepKind.RULE, "release-regression", Map.of(),
                        "matched: abnormal: checkout-1; all run the new version", true, NOW, 0));
        assertThat(result.requestId()).isEqualTo("inc-1#1");
        assertThat(result.incidentId()).isEqualTo("inc-1");
        assertThat(result.durationMs()).isZero();
    }

    @Test
    void doesNotBlameTheReleaseWhenBaselineInstancesAreAbnormalToo() {
        AnalysisRequest request = request(
                List.of(firing("HighLatency", CANARY, BEGINNING), firing("HighLatency", "checkout-2", BEGINNING)),
                List.of(), activeRelease());

        AnalysisResult result = BuiltinAnalyzer.analyze(request, NOW);

        assertThat(result.decision()).isEqualTo(new AnalysisDecision(AnalysisAction.SCALE_OUT, "checkout",
                Map.of("replicas", "1"), "load is high across the service, not on one instance: add a replica"));
        assertThat(result.steps()).extracting(AnalysisStep::name, AnalysisStep::summary).containsExactly(
                tuple("release-regression",
                        "no match: baseline instances checkout-2 (old version) are abnormal too"),
                tuple("flapping-alert",
                        "no match: no rule flaps (most episodes of one rule: 1, needs 3 with 2 shorter than 10 min)"),
                tuple("already-resolved", "no match: 2 alert(s) firing, 0 anomaly(ies)"),
                tuple("single-instance",
                        "no match: 2 abnormal instances (checkout-1, checkout-2)"),
                tuple("service-saturation",
                        "matched: load metrics abnormal on checkout-1, checkout-2"));
    }

    @Test
    void proposesRollingBackAFinishedReleaseThatChangedTheInstancesJustBefore() {
        AnalysisRequest request = request(List.of(firing("HighErrorRate", CANARY, BEGINNING)), List.of(),
                finishedRelease(RELEASED));

        AnalysisResult result = BuiltinAnalyzer.analyze(request, NOW);

        assertThat(result.decision().action()).isEqualTo(AnalysisAction.ROLLBACK_RELEASE);
        assertThat(result.decision().target()).isEqualTo("rel-42");
        assertThat(result.decision().reason()).isEqualTo("instances running 1.5.0 turned abnormal soon after the release;"
                + " it has finished, so rolling back needs a human");
        assertThat(result.confidence()).isEqualTo(0.6);
        assertThat(result.rootCause()).isEqualTo("release rel-42 (1.5.0) regressed on checkout-1, finished (COMPLETED)");
    }

    @Test
    void leavesAFinishedReleaseAloneWhenItChangedTheInstancesLongBefore() {
        AnalysisRequest request = request(List.of(firing("HighErrorRate", CANARY, BEGINNING)), List.of(),
                finishedRelease(RELEASED.minusSeconds(3 * 3600)));

        AnalysisResult result = BuiltinAnalyzer.analyze(request, NOW);

        assertThat(result.steps().get(0).summary()).isEqualTo("no match: release rel-42 is COMPLETED and did not change"
                + " the instances within 60 min before the first signal");
        assertThat(result.decision()).isEqualTo(new AnalysisDecision(AnalysisAction.RESTART_INSTANCE, CANARY, Map.of(),
                "one instance out of line with its peers and no release involved: a restart is the cheapest fix"));
        assertThat(result.rootCause()).isEqualTo("instance checkout-1 misbehaves on its own (HighErrorRate)");
        assertThat(result.confidence()).isEqualTo(0.6);
    }

    @Test
    void proposesHoldingAFlappingRuleLonger() {
        List<Alert> flaps = List.of(
                resolved("DiskPressure", "checkout-3", BEGINNING, BEGINNING.plusSeconds(90)),
                resolved("DiskPressure", "checkout-3", BEGINNING.plusSeconds(300), BEGINNING.plusSeconds(420)),
                resolved("DiskPressure", "checkout-3", BEGINNING.plusSeconds(600), BEGINNING.plusSeconds(650)),
                firing("DiskPressure", "checkout-3", BEGINNING.plusSeconds(900)));

        AnalysisResult result = BuiltinAnalyzer.analyze(request(flaps, List.of(), null), NOW);

        assertThat(result.decision()).isEqualTo(new AnalysisDecision(AnalysisAction.ADJUST_RULE, "DiskPressure",
                Map.of("forSeconds", "300"), "a rule that fires and resolves within minutes pages people for nothing;"
                        + " holding it 300 s keeps real incidents and drops the flaps"));
        assertThat(result.rootCause()).isEqualTo("alert rule DiskPressure flaps: 4 episodes in 15 min, 3 resolved within 10 min");
        assertThat(result.evidence()).containsExactly(
                "alert rule DiskPressure flaps: 4 episodes in 15 min, 3 resolved within 10 min",
                "longest short episode 120 s; proposed hold 300 s");
        assertThat(result.confidence()).isEqualTo(0.7);
    }

    @Test
    void proposesAHoldTwiceTheLongestFlapWithinBounds() {
        List<Alert> flaps = List.of(
                resolved("QueueDepth", null, BEGINNING, BEGINNING.plusSeconds(290)),
                resolved("QueueDepth", null, BEGINNING.plusSeconds(600), BEGINNING.plusSeconds(700)),
                resolved("QueueDepth", null, BEGINNING.plusSeconds(1200), BEGINNING.plusSeconds(1230)));

        AnalysisResult result = BuiltinAnalyzer.analyze(request(flaps, List.of(), null), NOW);

        assertThat(result.decision().parameters()).isEqualTo(Map.of("forSeconds", "600"));
    }

    @Test
    void decidesNothingWhenEveryAlertHasResolved() {
        AnalysisRequest request = request(List.of(resolved("HighLatency", CANARY, BEGINNING, BEGINNING.plusSeconds(60))),
                List.of(), null);

        AnalysisResult result = BuiltinAnalyzer.analyze(request, NOW);

        assertThat(result.decision()).isEqualTo(
                new AnalysisDecision(AnalysisAction.NONE, "checkout", Map.of(), "nothing is abnormal any more"));
        assertThat(result.rootCause()).isEqualTo("the condition cleared by itself");
    }

    @Test
    void restartsTheOnlyAbnormalInstanceWhenNoReleaseIsInvolved() {
        AnalysisRequest request = request(List.of(), List.of(anomaly("checkout-3", "memory_mb")), null);

        AnalysisResult result = BuiltinAnalyzer.analyze(request, NOW);

        assertThat(result.decision().action()).isEqualTo(AnalysisAction.RESTART_INSTANCE);
        assertThat(result.decision().target()).isEqualTo("checkout-3");
        assertThat(result.evidence()).containsExactly(
                "only checkout-3 is abnormal (memory_mb); no release involved",
                "anomaly on checkout/checkout-3/memory_mb: score 0.93 >= threshold 0.70, recent values 120.0, 410.5, 432.0 vs expected 90.0-160.0");
    }

    @Test
    void scalesOutWhenAServiceLevelLoadMetricIsAbnormal() {
        AnalysisRequest request = request(List.of(firing("CpuSaturation", null, BEGINNING)), List.of(), null);

        AnalysisResult result = BuiltinAnalyzer.analyze(request, NOW);

        assertThat(result.decision()).isEqualTo(new AnalysisDecision(AnalysisAction.SCALE_OUT, "checkout",
                Map.of("replicas", "1"), "load is high across the service, not on one instance: add a replica"));
        assertThat(result.rootCause()).isEqualTo("service checkout is short of capacity (CpuSaturation)");
        assertThat(result.confidence()).isEqualTo(0.55);
    }

    @Test
    void notifiesAHumanWhenErrorsRiseAcrossInstancesWithoutLoad() {
        AnalysisRequest request = request(List.of(firing("HighErrorRate", "checkout-2", BEGINNING),
                firing("HighErrorRate", "checkout-3", BEGINNING)), List.of(), null);

        AnalysisResult result = BuiltinAnalyzer.analyze(request, NOW);

        assertThat(result.decision()).isEqualTo(new AnalysisDecision(AnalysisAction.NOTIFY, "checkout", Map.of(),
                "no safe automatic action is indicated; a human should look"));
        assertThat(result.rootCause()).isEqualTo("no builtin rule explains the signals (HighErrorRate on checkout-2, checkout-3)");
        assertThat(result.confidence()).isEqualTo(0.3);
        assertThat(result.steps()).hasSize(6);
    }

    @Test
    void aFallbackSaysWhyFirstAndThenDecidesLikeTheRules() {
        AnalysisResult result = BuiltinAnalyzer.fallback(canaryIncident(), "analyzer timed out after 5 s", NOW);

        assertThat(result.fallback()).isTrue();
        assertThat(result.fallbackReason()).isEqualTo("analyzer timed out after 5 s");
        assertThat(result.provider()).isEqualTo("builtin");
        assertThat(result.steps()).containsExactly(
                new AnalysisStep(1, AnalysisStepKind.FALLBACK, "builtin", Map.of(),
                        "builtin rules decide: analyzer timed out after 5 s", false, NOW, 0),
                new AnalysisStep(2, AnalysisStepKind.RULE, "release-regression", Map.of(),
                        "matched: abnormal: checkout-1; all run the new version", true, NOW, 0));
        assertThat(result.decision()).isEqualTo(BuiltinAnalyzer.analyze(canaryIncident(), NOW).decision());
    }

    @Test
    void givesTheSameAnswerToTheSameRequest() {
        assertThat(BuiltinAnalyzer.analyze(canaryIncident(), NOW)).isEqualTo(BuiltinAnalyzer.analyze(canaryIncident(), NOW));
    }

    @Test
    void annotationTextCannotChangeTheDecision() {
        AnalysisRequest clean = canaryIncident();
        Alert hostile = annotated(clean.alerts().get(0), "description", HOSTILE);
        AnalysisRequest injected = request(List.of(hostile), clean.anomalies(), clean.release());

        AnalysisResult result = BuiltinAnalyzer.analyze(injected, NOW);

        assertThat(result.decision()).isEqualTo(BuiltinAnalyzer.analyze(clean, NOW).decision());
        assertThat(result.evidence()).isEqualTo(BuiltinAnalyzer.analyze(clean, NOW).evidence());
        assertThat(String.join(" ", result.evidence())).doesNotContain("ignore previous instructions");
    }

    @Test
    void answersAPartialRequestInsteadOfFailing() {
        AnalysisRequest partial = new AnalysisRequest("r", "i", "checkout", null, null, null,
                java.util.Arrays.asList(null, new Alert(null, null, null, null, null, null, null, null, null, null)),
                null, null, null, null, null);

        AnalysisResult result = BuiltinAnalyzer.analyze(partial, NOW);

        assertThat(result.decision()).isEqualTo(new AnalysisDecision(AnalysisAction.NOTIFY, "checkout", Map.of(),
                "no safe automatic action is indicated; a human should look"));
        assertThat(result.rootCause()).isEqualTo("no builtin rule explains the signals (unknown on the service)");
    }
}

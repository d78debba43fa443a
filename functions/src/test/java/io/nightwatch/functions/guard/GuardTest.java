package io.nightwatch.functions.guard;

import static io.nightwatch.schemas.testing.Incidents.RELEASED;
import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static io.nightwatch.schemas.testing.Incidents.finishedRelease;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The guard, table-driven: every disallowed action, out-of-scope target and rate-limit breach is refused. */
class GuardTest {

    private static final Instant NOW = Instant.parse("2026-11-22T05:43:05Z");
    private static final AnalysisRequest CANARY_INCIDENT = canaryIncident();
    private static final AnalysisRequest FINISHED_RELEASE_INCIDENT = new AnalysisRequest("inc-1#1", "inc-1", "checkout",
            "t", "critical", List.of("checkout-1"), CANARY_INCIDENT.alerts(), CANARY_INCIDENT.anomalies(),
            finishedRelease(RELEASED), CANARY_INCIDENT.windowStart(), CANARY_INCIDENT.windowEnd(), NOW);
    private static final GuardPolicy DEFAULTS = GuardPolicy.defaults();
    private static final GuardPolicy NO_SCALE_OUT = DEFAULTS.withAllowed(EnumSet.complementOf(EnumSet.of(AnalysisAction.SCALE_OUT)));
    private static final RateLimitState NOTHING_ISSUED = RateLimitState.empty();

    static Stream<Arguments> table() {
        return Stream.of(
                // allowed
                row("rollback of the active canary release", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.ROLLBACK_RELEASE, "rel-42"), 0.9, NOTHING_ISSUED, Verdict.ALLOW),
                row("restart of the incident's instance", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.RESTART_INSTANCE, "checkout-1"), 0.6, NOTHING_ISSUED, Verdict.ALLOW),
                row("rule change of a rule that fired", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.ADJUST_RULE, "HighLatency", Map.of("forSeconds", "600")), 0.7, NOTHING_ISSUED,
                        Verdict.ALLOW),
                row("notify with low confidence", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.NOTIFY, "checkout"), 0.1, NOTHING_ISSUED, Verdict.ALLOW),
                row("none", CANARY_INCIDENT, DEFAULTS, decide(AnalysisAction.NONE, null), 0.0, NOTHING_ISSUED, Verdict.ALLOW),
                row("rollback again once the window passed", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.ROLLBACK_RELEASE, "rel-42"), 0.9,
                        issued(AnalysisAction.ROLLBACK_RELEASE, NOW.minus(Duration.ofMinutes(31))), Verdict.ALLOW),

                // disallowed actions
                row("no decision at all", CANARY_INCIDENT, DEFAULTS, null, 0.9, NOTHING_ISSUED, Verdict.REJECT,
                        "allow-list: the analysis has no action"),
                row("an action switched off here", CANARY_INCIDENT, NO_SCALE_OUT,
                        decide(AnalysisAction.SCALE_OUT, "checkout", Map.of("replicas", "1")), 0.9, NOTHING_ISSUED, Verdict.REJECT,
                        "allow-list: SCALE_OUT is not allowed here (allowed: ROLLBACK_RELEASE, RESTART_INSTANCE, ADJUST_RULE,"
                                + " SILENCE, NOTIFY, NONE)"),

                // out of scope
                row("restart of another instance", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.RESTART_INSTANCE, "checkout-2"), 0.9, NOTHING_ISSUED, Verdict.REJECT,
                        "scope: target 'checkout-2' is not one of the incident's instances (checkout-1)"),
                row("rollback of another release", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.ROLLBACK_RELEASE, "rel-41"), 0.9, NOTHING_ISSUED, Verdict.REJECT,
                        "scope: target 'rel-41' is not the incident's release rel-42"),
                row("scale-out of another service", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.SCALE_OUT, "payments", Map.of("replicas", "1")), 0.9, NOTHING_ISSUED, Verdict.REJECT,
                        "scope: target 'payments' is not the incident's service checkout"),
                row("rule change of a rule that did not fire", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.ADJUST_RULE, "payments-errors", Map.of("threshold", "0.5")), 0.9, NOTHING_ISSUED,
                        Verdict.REJECT, "scope: target 'payments-errors' is not a rule that fired in the incident (HighLatency)"),
                row("silence of everything", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.SILENCE, "*", Map.of("duration", "PT1H")), 0.9, NOTHING_ISSUED, Verdict.REJECT,
                        "scope: target '*' is neither an alert fingerprint nor a rule of the incident"),
                row("notify another service", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.NOTIFY, "payments"), 0.9, NOTHING_ISSUED, Verdict.REJECT,
                        "scope: target 'payments' is not the incident's service checkout"),
                row("an injected 'scale everything to zero', with full confidence", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.SCALE_OUT, "everything", Map.of("replicas", "0")), 1.0, NOTHING_ISSUED,
                        Verdict.REJECT, "scope: target 'everything' is not the incident's service checkout",
                        "parameters: parameter replicas=0 is outside [1, 3]"),

                // bad parameters
                row("a day-long silence", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.SILENCE, "HighLatency", Map.of("duration", "P1D")), 0.9, NOTHING_ISSUED,
                        Verdict.REJECT, "parameters: parameter duration=P1D is outside [PT1M, PT4H]"),
                row("a scale-out of ten replicas", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.SCALE_OUT, "checkout", Map.of("replicas", "10")), 0.9, NOTHING_ISSUED,
                        Verdict.REJECT, "parameters: parameter replicas=10 is outside [1, 3]"),

                // rate limits
                row("a second rollback within 30 min", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.ROLLBACK_RELEASE, "rel-42"), 0.9,
                        issued(AnalysisAction.ROLLBACK_RELEASE, NOW.minus(Duration.ofMinutes(10))), Verdict.REJECT,
                        "rate-limit-action: rate limit reached: checkout had 1 ROLLBACK_RELEASE in the last 30 min (max 1)"),
                row("a fourth restart within the hour", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.RESTART_INSTANCE, "checkout-1"), 0.9,
                        issued(AnalysisAction.RESTART_INSTANCE, NOW.minusSeconds(3000), NOW.minusSeconds(2000), NOW.minusSeconds(60)),
                        Verdict.REJECT,
                        "rate-limit-action: rate limit reached: checkout had 3 RESTART_INSTANCE in the last 60 min (max 3)"),
                row("a seventh change of the service within the hour", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.RESTART_INSTANCE, "checkout-1"), 0.9,
                        new RateLimitState(List.of(
                                at("checkout", AnalysisAction.ADJUST_RULE, NOW.minusSeconds(3500)),
                                at("checkout", AnalysisAction.ADJUST_RULE, NOW.minusSeconds(3000)),
                                at("checkout", AnalysisAction.SILENCE, NOW.minusSeconds(2500)),
                                at("checkout", AnalysisAction.SILENCE, NOW.minusSeconds(2400)),
                                at("checkout", AnalysisAction.SILENCE, NOW.minusSeconds(2300)),
                                at("payments", AnalysisAction.RESTART_INSTANCE, NOW.minusSeconds(200)),
                                at("checkout", AnalysisAction.RESTART_INSTANCE, NOW.minusSeconds(100)))),
                        Verdict.REJECT,
                        "rate-limit-service: rate limit reached: checkout had 6 change(s) in the last 60 min (max 6)"),

                // rollback of a finished release
                row("rollback of a release that has finished", FINISHED_RELEASE_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.ROLLBACK_RELEASE, "rel-42"), 0.9, NOTHING_ISSUED, Verdict.ESCALATE,
                        "active-release: rollback not supported: release rel-42 is no longer active (COMPLETED)"),
                row("rollback of another release that has finished: rejection wins", FINISHED_RELEASE_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.ROLLBACK_RELEASE, "rel-7"), 0.9, NOTHING_ISSUED, Verdict.REJECT,
                        "scope: target 'rel-7' is not the incident's release rel-42"),

                // approval
                row("a risky action, even with full confidence", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.SCALE_OUT, "checkout", Map.of("replicas", "1")), 1.0, NOTHING_ISSUED,
                        Verdict.HOLD_FOR_APPROVAL, "approval: SCALE_OUT is risky: a human approves it first"),
                row("a changing action with low confidence", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.RESTART_INSTANCE, "checkout-1"), 0.3, NOTHING_ISSUED,
                        Verdict.HOLD_FOR_APPROVAL, "confidence: confidence 0.30 < 0.50: a human approves it first"),
                row("a changing action with a confidence that is not a number", CANARY_INCIDENT, DEFAULTS,
                        decide(AnalysisAction.RESTART_INSTANCE, "checkout-1"), Double.NaN, NOTHING_ISSUED,
                        Verdict.HOLD_FOR_APPROVAL, "confidence: confidence NaN < 0.50: a human approves it first"));
    }

    @ParameterizedTest(name = "{0} -> {6}")
    @MethodSource("table")
    void judgesEachDecision(String name, AnalysisRequest request, GuardPolicy policy, AnalysisDecision decision,
            double confidence, RateLimitState state, Verdict expected, List<String> reasons) {
        GuardVerdict verdict = new Guard(policy).evaluate(request, result(decision, confidence), state, NOW).verdict();

        assertThat(verdict.verdict()).isEqualTo(expected);
        assertThat(verdict.reasons()).containsExactlyElementsOf(reasons);
        assertThat(verdict.requiresApproval()).isEqualTo(expected == Verdict.HOLD_FOR_APPROVAL);
        assertThat(verdict.checks()).extracting(GuardCheck::name).containsExactly("allow-list", "scope", "parameters",
                "active-release", "rate-limit-service", "rate-limit-action", "approval", "confidence");
    }

    @Test
    void listsEveryCheckWithItsOutcomeForTheEventLog() {
        GuardVerdict verdict = new Guard(DEFAULTS).evaluate(CANARY_INCIDENT,
                result(decide(AnalysisAction.ROLLBACK_RELEASE, "rel-42"), 0.9), NOTHING_ISSUED, NOW).verdict();

        assertThat(verdict.checks()).containsExactly(
                new GuardCheck("allow-list", CheckOutcome.PASS, "ROLLBACK_RELEASE is allowed"),
                new GuardCheck("scope", CheckOutcome.PASS, "target rel-42 is inside the incident's scope"),
                new GuardCheck("parameters", CheckOutcome.PASS, "none"),
                new GuardCheck("active-release", CheckOutcome.PASS, "release rel-42 is active (STAGE_STARTED, stage 1/4)"),
                new GuardCheck("rate-limit-service", CheckOutcome.PASS, "checkout had 0 change(s) in the last 60 min (max 6)"),
                new GuardCheck("rate-limit-action", CheckOutcome.PASS,
                        "checkout had 0 ROLLBACK_RELEASE in the last 30 min (max 1)"),
                new GuardCheck("approval", CheckOutcome.PASS, "ROLLBACK_RELEASE needs no approval"),
                new GuardCheck("confidence", CheckOutcome.PASS, "confidence 0.90 >= 0.50 (it never lifts another check)"));
        assertThat(verdict.incidentId()).isEqualTo("inc-1");
        assertThat(verdict.provider()).isEqualTo("builtin");
        assertThat(verdict.at()).isEqualTo(NOW);
    }

    @Test
    void anAllowedCommandUsesUpItsRateLimitAndTheNextOneIsRejected() {
        Guard guard = new Guard(DEFAULTS);
        AnalysisResult rollback = result(decide(AnalysisAction.ROLLBACK_RELEASE, "rel-42"), 0.9);

        GuardDecision first = guard.evaluate(CANARY_INCIDENT, rollback, NOTHING_ISSUED, NOW);
        GuardDecision second = guard.evaluate(CANARY_INCIDENT, rollback, first.state(), NOW.plusSeconds(60));
        GuardDecision later = guard.evaluate(CANARY_INCIDENT, rollback, second.state(), NOW.plus(Duration.ofMinutes(31)));

        assertThat(first.verdict().verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(first.state()).isEqualTo(issued(AnalysisAction.ROLLBACK_RELEASE, NOW));
        assertThat(second.verdict().verdict()).isEqualTo(Verdict.REJECT);
        assertThat(second.state()).isEqualTo(first.state());
        assertThat(later.verdict().verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(later.state()).isEqualTo(issued(AnalysisAction.ROLLBACK_RELEASE, NOW, NOW.plus(Duration.ofMinutes(31))));
    }

    @Test
    void aHeldCommandReservesItsSlotAndHarmlessActionsUseNone() {
        Guard guard = new Guard(DEFAULTS);

        GuardDecision held = guard.evaluate(CANARY_INCIDENT,
                result(decide(AnalysisAction.SCALE_OUT, "checkout", Map.of("replicas", "1")), 0.9), NOTHING_ISSUED, NOW);
        GuardDecision notify = guard.evaluate(CANARY_INCIDENT, result(decide(AnalysisAction.NOTIFY, "checkout"), 0.9),
                held.state(), NOW);

        assertThat(held.verdict().verdict()).isEqualTo(Verdict.HOLD_FOR_APPROVAL);
        assertThat(held.state()).isEqualTo(issued(AnalysisAction.SCALE_OUT, NOW));
        assertThat(notify.state()).isEqualTo(held.state());
    }

    @Test
    void stateOlderThanTheLongestWindowIsDropped() {
        Guard guard = new Guard(DEFAULTS);
        RateLimitState old = issued(AnalysisAction.RESTART_INSTANCE, NOW.minus(Duration.ofMinutes(61)));

        GuardDecision decision = guard.evaluate(CANARY_INCIDENT, result(decide(AnalysisAction.NOTIFY, "checkout"), 0.9), old, NOW);

        assertThat(decision.state().isEmpty()).isTrue();
        assertThat(guard.limiter().longestWindow()).isEqualTo(Duration.ofMinutes(60));
    }

    private static Arguments row(String name, AnalysisRequest request, GuardPolicy policy, AnalysisDecision decision,
            double confidence, RateLimitState state, Verdict verdict, String... reasons) {
        return Arguments.of(name, request, policy, decision, confidence, state, verdict, List.of(reasons));
    }

    private static AnalysisDecision decide(AnalysisAction action, String target) {
        return decide(action, target, Map.of());
    }

    private static AnalysisDecision decide(AnalysisAction action, String target, Map<String, String> parameters) {
        return new AnalysisDecision(action, target, parameters, "because");
    }

    private static AnalysisResult result(AnalysisDecision decision, double confidence) {
        return new AnalysisResult("inc-1#1", "inc-1", "cause", confidence, List.of(), decision, "builtin", false, null,
                List.of(), NOW, NOW, 0);
    }

    private static RateLimitState issued(AnalysisAction action, Instant... times) {
        return new RateLimitState(Stream.of(times).map(t -> at("checkout", action, t)).toList());
    }

    private static IssuedCommand at(String service, AnalysisAction action, Instant at) {
        return new IssuedCommand(service, action, at.toEpochMilli());
    }
}

package io.nightwatch.schemas.analysis;

import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which decisions the canary incident admits: allow-list, scope and parameters, one row per case. */
class DecisionValidatorTest {

    static Stream<Arguments> decisions() {
        return Stream.of(
                row(AnalysisAction.ROLLBACK_RELEASE, "rel-42", Map.of()),
                row(AnalysisAction.RESTART_INSTANCE, "checkout-1", Map.of()),
                row(AnalysisAction.SCALE_OUT, "checkout", Map.of("replicas", "2")),
                row(AnalysisAction.ADJUST_RULE, "HighLatency", Map.of("forSeconds", "600")),
                row(AnalysisAction.ADJUST_RULE, "HighLatency", Map.of("threshold", "650.5")),
                row(AnalysisAction.SILENCE, "HighLatency", Map.of("duration", "PT30M")),
                row(AnalysisAction.SILENCE, "ba098e17b82a9042", Map.of("duration", "PT1H", "comment", "known")),
                row(AnalysisAction.NOTIFY, "checkout", Map.of("message", "look at checkout-1")),
                row(AnalysisAction.NONE, null, Map.of()),
                row(null, "checkout", Map.of(),
                        "no action (allowed: ROLLBACK_RELEASE, RESTART_INSTANCE, SCALE_OUT, ADJUST_RULE, SILENCE, NOTIFY, NONE)"),
                row(AnalysisAction.ROLLBACK_RELEASE, "rel-41", Map.of(), "target 'rel-41' is not the incident's release rel-42"),
                row(AnalysisAction.ROLLBACK_RELEASE, "rel-42", Map.of("toVersion", "0.1"),
                        "ROLLBACK_RELEASE does not take parameter(s) toVersion (allowed: none)"),
                row(AnalysisAction.RESTART_INSTANCE, "checkout-2", Map.of(),
                        "target 'checkout-2' is not one of the incident's instances (checkout-1)"),
                row(AnalysisAction.RESTART_INSTANCE, "*", Map.of(),
                        "target '*' is not one of the incident's instances (checkout-1)"),
                row(AnalysisAction.RESTART_INSTANCE, " ", Map.of(), "RESTART_INSTANCE needs a target"),
                row(AnalysisAction.SCALE_OUT, "payments", Map.of("replicas", "1"),
                        "target 'payments' is not the incident's service checkout"),
                row(AnalysisAction.SCALE_OUT, "all", Map.of("replicas", "0"),
                        "target 'all' is not the incident's service checkout", "parameter replicas=0 is outside [1, 3]"),
                row(AnalysisAction.SCALE_OUT, "checkout", Map.of("replicas", "-4"), "parameter replicas=-4 is outside [1, 3]"),
                row(AnalysisAction.SCALE_OUT, "checkout", Map.of("replicas", "ten"), "parameter replicas=ten is not an integer"),
                row(AnalysisAction.SCALE_OUT, "checkout", Map.of(),
                        "parameter replicas is required (an integer from 1 to 3)"),
                row(AnalysisAction.ADJUST_RULE, "checkout-latency", Map.of("forSeconds", "600"),
                        "target 'checkout-latency' is not a rule that fired in the incident (HighLatency)"),
                row(AnalysisAction.ADJUST_RULE, "HighLatency", Map.of(), "ADJUST_RULE needs threshold or forSeconds"),
                row(AnalysisAction.ADJUST_RULE, "HighLatency", Map.of("threshold", "NaN"), "parameter threshold must be a finite number"),
                row(AnalysisAction.SILENCE, "HighLatency", Map.of("duration", "P7D"), "parameter duration=P7D is outside [PT1M, PT4H]"),
                row(AnalysisAction.SILENCE, "HighLatency", Map.of(),
                        "parameter duration is required (an ISO-8601 duration from PT1M to PT4H)"),
                row(AnalysisAction.SILENCE, "*", Map.of("duration", "PT1H"),
                        "target '*' is neither an alert fingerprint nor a rule of the incident"),
                row(AnalysisAction.NOTIFY, "checkout", Map.of("message", "x".repeat(501)),
                        "parameter message is longer than 500 characters"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("decisions")
    void admitsOnlyAllowListedInScopeDecisionsWithBoundedParameters(AnalysisAction action, String target,
            Map<String, String> parameters, List<String> expectedProblems) {
        AnalysisDecision decision = new AnalysisDecision(action, target, parameters, "because");

        assertThat(DecisionValidator.problems(canaryIncident(), decision)).containsExactlyElementsOf(expectedProblems);
    }

    private static Arguments row(AnalysisAction action, String target, Map<String, String> parameters, String... problems) {
        return Arguments.of(action, target, parameters, List.of(problems));
    }
}

package io.nightwatch.analyzer.agent;

import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a model's final answer is read and when it is refused. */
class AnswerParserTest {

    private static final String VALID = """
            {"rootCause": "canary regressed", "confidence": 0.8, "evidence": ["x3 latency"], "action": "SCALE_OUT",
             "target": "checkout", "parameters": {"replicas": 2}, "reason": "load"}""";

    @Test
    void readsAValidAnswerAndTurnsNumbersIntoStrings() {
        ParsedAnswer answer = AnswerParser.parse(VALID, canaryIncident());

        assertThat(answer.problems()).isEmpty();
        assertThat(answer.decision()).isEqualTo(new AnalysisDecision(AnalysisAction.SCALE_OUT, "checkout",
                Map.of("replicas", "2"), "load"));
        assertThat(answer.confidence()).isEqualTo(0.8);
        assertThat(answer.evidence()).containsExactly("x3 latency");
        assertThat(answer.rootCause()).isEqualTo("canary regressed");
    }

    @Test
    void toleratesACodeFenceOrASentenceAroundTheObject() {
        assertThat(AnswerParser.parse("```json\n" + VALID + "\n```", canaryIncident()).valid()).isTrue();
        assertThat(AnswerParser.parse("Sure! " + VALID + " Hope this helps.", canaryIncident()).valid()).isTrue();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", List.of("the answer is empty")),
                Arguments.of("no json here", List.of("the answer holds no JSON object: no json here")),
                Arguments.of("[1, 2]", List.of("the answer holds no JSON object: [1, 2]")),
                Arguments.of("{\"rootCause\": }", List.of("the answer is not valid JSON: Unexpected character ('}' (code 125)):"
                        + " expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")),
                Arguments.of("{}", List.of("rootCause is missing", "confidence must be a number from 0 to 1",
                        "action is missing", "reason is missing")),
                Arguments.of(VALID.replace("0.8", "\"high\""), List.of("confidence must be a number from 0 to 1")),
                Arguments.of(VALID.replace("0.8", "1.5"), List.of("confidence 1.5 is outside [0, 1]")),
                Arguments.of(VALID.replace("SCALE_OUT", "REBOOT_DATACENTER"), List.of("action 'REBOOT_DATACENTER' is not"
                        + " allowed (allowed: [ROLLBACK_RELEASE, RESTART_INSTANCE, SCALE_OUT, ADJUST_RULE, SILENCE, NOTIFY, NONE])")),
                Arguments.of(VALID.replace("\"checkout\"", "\"payments\""),
                        List.of("target 'payments' is not the incident's service checkout")),
                Arguments.of(VALID.replace("{\"replicas\": 2}", "{\"replicas\": {\"n\": 2}}"),
                        List.of("parameter replicas must be a string or a number",
                                "parameter replicas is required (an integer from 1 to 3)")),
                Arguments.of(VALID.replace("\"reason\": \"load\"", "\"reason\": \"\""), List.of("reason is empty")),
                Arguments.of(VALID.replace("[\"x3 latency\"]", "\"x3\""), List.of("evidence must be a list of strings")));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesAnswersThatCannotBeUsed(String text, List<String> problems) {
        assertThat(AnswerParser.parse(text, canaryIncident()).problems()).containsExactlyElementsOf(problems);
    }
}

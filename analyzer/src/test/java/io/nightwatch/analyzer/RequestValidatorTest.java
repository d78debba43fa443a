package io.nightwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.testing.Incidents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad body of POST /v1/analyze is refused with problems naming the field. */
class RequestValidatorTest {

    private static final String VALID = Json.toString(Incidents.canaryIncident());

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("", List.of("body is empty: expected an AnalysisRequest JSON object"
                        + " (see schemas/src/main/resources/json-schema/analyzer.request.schema.json)")),
                Arguments.of("null", List.of("body must be a JSON object, not null")),
                Arguments.of("{}", List.of("requestId is required", "incidentId is required", "service is required",
                        "the incident needs at least one alert or anomaly", "windowStart is required (an ISO-8601 instant)",
                        "windowEnd is required (an ISO-8601 instant)")),
                Arguments.of(VALID.replace("\"service\":\"checkout\"", "\"service\":\"check out\""),
                        List.of("service 'check out' must be a name: letters, digits and . _ : - (at most 128, starting"
                                + " with a letter or digit)")),
                Arguments.of(VALID.replace("\"windowEnd\":\"2026-11-22T05:43:00Z\"", "\"windowEnd\":\"2026-11-22T05:00:00Z\""),
                        List.of("windowEnd 2026-11-22T05:00:00Z is before windowStart 2026-11-22T05:40:00Z")),
                Arguments.of(VALID.replace("\"name\":\"HighLatency\"", "\"name\":null")
                                .replace("\"alertname\":\"HighLatency\",", "").replace("\"startsAt\":\"2026-11-22T05:40:00Z\"",
                                        "\"startsAt\":null"),
                        List.of("alerts[0].name is required (or the label alertname)",
                                "alerts[0].startsAt is required (an ISO-8601 instant)")),
                Arguments.of(VALID.replace("\"metric\":\"latency_ms\"", "\"metric\":\"\""),
                        List.of("anomalies[0].metric is required")),
                Arguments.of(VALID.replace("\"canaryInstances\":[\"checkout-1\"]", "\"canaryInstances\":[\"x'; DROP TABLE incidents\"]"),
                        List.of("release.canaryInstances[0] 'x'; DROP TABLE incidents' must be a name: letters, digits"
                                + " and . _ : - (at most 128, starting with a letter or digit)")));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void refusesBadBodiesNamingEachProblem(String body, List<String> problems) {
        BadRequest e = catchThrowableOfType(BadRequest.class,
                () -> RequestValidator.parse(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.problems()).containsExactlyElementsOf(problems);
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("not json", "body is not valid JSON: Unrecognized token 'not'"),
                Arguments.of(VALID + " trailing", "body is not valid JSON: Unrecognized token 'trailing'"),
                Arguments.of(VALID.replace("\"windowStart\":\"2026-11-22T05:40:00Z\"", "\"windowStart\":\"yesterday\""),
                        "field anomalies[0].windowStart: Cannot deserialize value of type `java.time.Instant` from String \"yesterday\""),
                Arguments.of(VALID.replace("\"status\":\"firing\"", "\"status\":\"burning\""),
                        "field alerts[0].status: Cannot deserialize value of type `io.nightwatch.schemas.AlertStatus` from"
                                + " String \"burning\""),
                Arguments.of(VALID.replace("\"alerts\":[", "\"alerts\":{\"x\":[").replace("],\"anomalies\"", "]},\"anomalies\""),
                        "field alerts: Cannot deserialize value of type `java.util.ArrayList<io.nightwatch.schemas.Alert>` from Object value"));
    }

    @ParameterizedTest
    @MethodSource("unreadable")
    void refusesUnreadableBodiesSayingWhere(String body, String problemStart) {
        BadRequest e = catchThrowableOfType(BadRequest.class,
                () -> RequestValidator.parse(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.problems()).singleElement().asString().startsWith(problemStart);
    }
}

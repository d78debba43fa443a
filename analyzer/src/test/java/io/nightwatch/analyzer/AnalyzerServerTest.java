package io.nightwatch.analyzer;

import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API with the builtin provider: answers, authentication and every kind of refused request. */
class AnalyzerServerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T05:43:05Z");
    private static final String TOKEN = "nw_analyzer_test_token_0123";
    private static Javalin app;
    private static Javalin busy;

    @BeforeAll
    static void start() {
        BearerAuth auth = new BearerAuth(TOKEN);
        app = AnalyzerServer.create(new BuiltinProvider(Clock.fixed(NOW, ZoneOffset.UTC)), auth).start("127.0.0.1", 0);
        busy = AnalyzerServer.create(new Analyzer() {
            @Override
            public AnalysisResult analyze(AnalysisRequest request) {
                throw new AnalyzerBusy("analyzer busy: 4 analyses running and 4 waiting; retry later");
            }

            @Override
            public String provider() {
                return "openai:test";
            }
        }, auth).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        busy.stop();
    }

    @Test
    void answersWithTheBuiltinDecisionInTheContractsShape() throws Exception {
        HttpResponse<String> response = Http.post(app.port(), "/v1/analyze", TOKEN, Json.toBytes(canaryIncident()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(ResultSchema.violations(body)).isEmpty();
        assertThat(Json.fromString(response.body(), AnalysisResult.class)).isEqualTo(BuiltinAnalyzer.analyze(canaryIncident(), NOW));
    }

    @Test
    void refusesCallsWithoutTheToken() throws Exception {
        HttpResponse<String> none = Http.post(app.port(), "/v1/analyze", null, Json.toBytes(canaryIncident()));
        HttpResponse<String> wrong = Http.post(app.port(), "/v1/analyze", "nw_not_the_token_at_all", Json.toBytes(canaryIncident()));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(Json.mapper().readTree(none.body()).path("error").asText())
                .isEqualTo("missing bearer token (Authorization: Bearer <the analyzer token>)");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"nightwatch-analyzer\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Json.mapper().readTree(wrong.body()).path("error").asText()).isEqualTo("invalid token");
    }

    @Test
    void answers400NamingEveryProblemOfABadBody() throws Exception {
        HttpResponse<String> response = Http.post(app.port(), "/v1/analyze", TOKEN,
                "{\"requestId\":\"r1\",\"service\":\"checkout\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.body())).isEqualTo(Json.mapper().readTree("""
                {"error": "4 problems: incidentId is required; the incident needs at least one alert or anomaly;\
                 windowStart is required (an ISO-8601 instant); windowEnd is required (an ISO-8601 instant)",
                 "problems": ["incidentId is required", "the incident needs at least one alert or anomaly",
                              "windowStart is required (an ISO-8601 instant)", "windowEnd is required (an ISO-8601 instant)"]}"""));
    }

    @Test
    void answers400ForABodyThatIsNotJson() throws Exception {
        HttpResponse<String> response = Http.post(app.port(), "/v1/analyze", TOKEN, "alert!".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.body()).path("error").asText()).startsWith("body is not valid JSON: ");
    }

    @Test
    void answers413ForAnOversizedBody() throws Exception {
        byte[] big = new byte[(int) AnalyzerServer.MAX_BODY_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');

        HttpResponse<String> response = Http.post(app.port(), "/v1/analyze", TOKEN, big);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void answers503WithRetryAfterWhenBusy() throws Exception {
        HttpResponse<String> response = Http.post(busy.port(), "/v1/analyze", TOKEN, Json.toBytes(canaryIncident()));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(Json.mapper().readTree(response.body()).path("error").asText())
                .isEqualTo("analyzer busy: 4 analyses running and 4 waiting; retry later");
    }

    @Test
    void reportsHealthWithoutAToken() throws Exception {
        HttpResponse<String> response = Http.get(app.port(), "/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(response.body())).isEqualTo(Json.mapper().readTree(
                "{\"status\":\"ok\",\"provider\":\"builtin\"}"));
    }

    @Test
    void answers404ForUnknownPaths() throws Exception {
        HttpResponse<String> response = Http.get(app.port(), "/v2/analyze");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(response.body()).path("error").asText()).isEqualTo("Endpoint GET /v2/analyze not found");
    }
}

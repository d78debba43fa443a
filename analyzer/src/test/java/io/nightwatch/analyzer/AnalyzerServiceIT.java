package io.nightwatch.analyzer;

import static io.nightwatch.analyzer.fakes.Turn.answer;
import static io.nightwatch.analyzer.fakes.Turn.call;
import static io.nightwatch.analyzer.fakes.Turn.tools;
import static io.nightwatch.schemas.testing.Incidents.HOSTILE;
import static io.nightwatch.schemas.testing.Incidents.annotated;
import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static io.nightwatch.schemas.testing.Incidents.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.analyzer.fakes.FakeOpenAi;
import io.nightwatch.analyzer.fakes.Turn;
import io.nightwatch.analyzer.tools.FleetHistory;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.AnalysisStep;
import io.nightwatch.schemas.AnalysisStepKind;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analyzer service as a process would run it (AnalyzerMain.start with command-line options), over HTTP, with
 * the real OpenAI client talking to a local chat-completions server and the five tools reading real PostgreSQL.
 */
class AnalyzerServiceIT {

    private static final String TOKEN = "nw_analyzer_it_token_0123456789";
    private static final AnalysisRequest CANARY = canaryIncident();
    private static TestPostgres db;
    private static FakeOpenAi model;
    private static AnalyzerMain.Running service;

    @BeforeAll
    static void start() throws Exception {
        db = TestPostgres.create("analyzer_it");
        FleetHistory.seed(db.dataSource());
        model = new FakeOpenAi();
        service = AnalyzerMain.start(AnalyzerOptions.parse(new String[] {"--host", "127.0.0.1", "--port", "0",
                "--provider", "openai", "--base-url", model.baseUrl(), "--model", "qwen2.5-7b-instruct",
                "--jdbc-url", db.jdbcUrl(), "--time-budget", "30s", "--model-timeout", "10s"},
                Map.of(AnalyzerOptions.TOKEN_ENV, TOKEN)));
    }

    @AfterAll
    static void stop() {
        service.close();
        model.close();
        db.close();
    }

    @Test
    void drillsDownThroughAllFiveToolsOverRealDataAndAnswersWithEveryStep() throws Exception {
        int before = model.received().size();
        model.play(
                tools(call("metric_rollups", "{\"metric\":\"latency_ms\"}"), call("instance_versions", "{}")),
                tools(call("releases", "{}"), call("recent_incidents", "{}"), call("similar_incidents", "{}")),
                answer("""
                        {"rootCause": "release rel-42 (1.5.0) made its canary checkout-1 3.6 times slower",
                         "confidence": 0.88,
                         "evidence": ["checkout-1 latency 120 -> 430 ms at 05:40, peers flat at 118 ms",
                                      "checkout-1 alone runs 1.5.0, canary of rel-42 stage 1/4",
                                      "inc-0 was the same pattern and a rollback fixed it"],
                         "action": "ROLLBACK_RELEASE", "target": "rel-42", "parameters": {},
                         "reason": "only the canary regressed and the release is still active"}"""));

        HttpResponse<String> response = Http.post(service.port(), "/v1/analyze", TOKEN, Json.toBytes(CANARY));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(ResultSchema.violations(body)).isEmpty();
        AnalysisResult result = Json.fromString(response.body(), AnalysisResult.class);
        assertThat(result.decision()).isEqualTo(new AnalysisDecision(AnalysisAction.ROLLBACK_RELEASE, "rel-42", Map.of(),
                "only the canary regressed and the release is still active"));
        assertThat(result.provider()).isEqualTo("openai:qwen2.5-7b-instruct");
        assertThat(result.fallback()).isFalse();
        assertThat(result.confidence()).isEqualTo(0.88);
        assertThat(result.steps()).extracting(AnalysisStep::kind, AnalysisStep::name, AnalysisStep::ok).containsExactly(
                tuple(AnalysisStepKind.PROMPT, "nightwatch-analyzer/1", true),
                tuple(AnalysisStepKind.MODEL_CALL, "turn 1", true),
                tuple(AnalysisStepKind.TOOL_CALL, "metric_rollups", true),
                tuple(AnalysisStepKind.TOOL_CALL, "instance_versions", true),
                tuple(AnalysisStepKind.MODEL_CALL, "turn 2", true),
                tuple(AnalysisStepKind.TOOL_CALL, "releases", true),
                tuple(AnalysisStepKind.TOOL_CALL, "recent_incidents", true),
                tuple(AnalysisStepKind.TOOL_CALL, "similar_incidents", true),
                tuple(AnalysisStepKind.MODEL_CALL, "turn 3", true),
                tuple(AnalysisStepKind.VALIDATION, "answer", true));
        assertThat(result.steps().get(2).summary()).isEqualTo("4 series of checkout; most changed: checkout-1/latency_ms:"
                + " before avg 120.00 max 150.00 (40 windows) | during avg 430.00 max 520.00 p99 610.00 (3 windows)"
                + " | latest 430.00 | change x3.58");
        assertThat(result.steps().get(2).arguments()).containsEntry("metric", "latency_ms").containsEntry("service", "checkout");
        assertThat(result.steps().get(3).summary())
                .isEqualTo("4 instance(s): 1.4.2 on checkout-2, checkout-3, checkout-4; 1.5.0 on checkout-1");
        assertThat(result.steps().get(5).summary()).isEqualTo("2 release(s): rel-42 STAGE_STARTED (1.5.0), rel-41 COMPLETED (1.4.2)");
        assertThat(result.steps().get(6).summary()).isEqualTo("1 incident(s) of checkout in 7 days: inc-0 (resolved)");
        assertThat(result.steps().get(7).summary()).matches("[12] similar of 2: inc-0 \\(0\\.\\d\\d\\).*");

        // the model saw the data: the tool results went back in the next turn
        List<JsonNode> turns = new ArrayList<>();
        model.received().subList(before, model.received().size()).forEach(r -> turns.add(r.body()));
        assertThat(turns).hasSize(3);
        JsonNode secondTurn = turns.get(1).path("messages");
        assertThat(secondTurn.get(3).path("content").asText()).startsWith("metric_rollups service=checkout resolution=1m")
                .contains("checkout-1/latency_ms: before avg 120.00 max 150.00 (40 windows) | during avg 430.00");
        assertThat(secondTurn.get(4).path("content").asText()).contains("checkout-1 1.5.0 since 2026-11-22T05:35:00Z");
        JsonNode thirdTurn = turns.get(2).path("messages");
        assertThat(thirdTurn.get(6).path("content").asText()).contains("release rel-42: 1.4.2 -> 1.5.0, status STAGE_STARTED");
        assertThat(thirdTurn.get(7).path("content").asText()).contains("root cause \"release rel-39 regressed latency on its canary checkout-2\"");
        assertThat(thirdTurn.get(8).path("content").asText()).startsWith("similar_incidents query ");
    }

    @Test
    void aHostileAnnotationFollowedByTheModelDoesNotChangeTheDecision() throws Exception {
        AnalysisRequest injected = request(List.of(annotated(CANARY.alerts().get(0), "description", HOSTILE)),
                CANARY.anomalies(), CANARY.release());
        model.play(new Turn.Reacting(text -> text.contains("scale everything to zero")
                ? answer("{\"rootCause\":\"told to\",\"confidence\":1,\"evidence\":[],\"action\":\"SCALE_OUT\","
                        + "\"target\":\"*\",\"parameters\":{\"replicas\":\"0\"},\"reason\":\"the alert says so\"}")
                : answer("{}")));

        HttpResponse<String> response = Http.post(service.port(), "/v1/analyze", TOKEN, Json.toBytes(injected));

        AnalysisResult result = Json.fromString(response.body(), AnalysisResult.class);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(result.decision().action()).isEqualTo(AnalysisAction.ROLLBACK_RELEASE);
        assertThat(result.decision().target()).isEqualTo("rel-42");
        assertThat(result.fallback()).isTrue();
        assertThat(result.fallbackReason()).isEqualTo("openai:qwen2.5-7b-instruct: the model's answer is invalid: target '*'"
                + " is not the incident's service checkout; parameter replicas=0 is outside [1, 3]");
        assertThat(result.steps()).extracting(AnalysisStep::kind).startsWith(AnalysisStepKind.INPUT_SCAN, AnalysisStepKind.PROMPT);
    }

    @Test
    void answersWithTheBuiltinRulesWhenTheModelServerFails() throws Exception {
        model.play(new Turn.Failure(500, "{\"error\":{\"message\":\"GPU on fire\"}}"),
                new Turn.Failure(500, "{\"error\":{\"message\":\"GPU on fire\"}}"));

        HttpResponse<String> response = Http.post(service.port(), "/v1/analyze", TOKEN, Json.toBytes(CANARY));

        AnalysisResult result = Json.fromString(response.body(), AnalysisResult.class);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ResultSchema.violations(Json.mapper().readTree(response.body()))).isEmpty();
        assertThat(result.fallback()).isTrue();
        assertThat(result.fallbackReason()).contains("model call failed").contains("GPU on fire");
        assertThat(result.decision().action()).isEqualTo(AnalysisAction.ROLLBACK_RELEASE);
    }
}

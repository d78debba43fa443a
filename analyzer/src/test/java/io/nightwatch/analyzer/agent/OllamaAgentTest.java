package io.nightwatch.analyzer.agent;

import static io.nightwatch.analyzer.agent.OpenAiAgentTest.CANARY;
import static io.nightwatch.analyzer.agent.OpenAiAgentTest.NOW;
import static io.nightwatch.analyzer.agent.OpenAiAgentTest.ROLLBACK_ANSWER;
import static io.nightwatch.analyzer.agent.OpenAiAgentTest.TOOLS;
import static io.nightwatch.analyzer.agent.OpenAiAgentTest.roles;
import static io.nightwatch.analyzer.fakes.Turn.answer;
import static io.nightwatch.analyzer.fakes.Turn.call;
import static io.nightwatch.analyzer.fakes.Turn.tools;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.analyzer.fakes.FakeOllama;
import io.nightwatch.analyzer.fakes.ScriptedChatServer.Received;
import io.nightwatch.analyzer.fakes.Turn;
import io.nightwatch.analyzer.providers.ChatModels;
import io.nightwatch.analyzer.providers.ProviderKind;
import io.nightwatch.analyzer.providers.ProviderSettings;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.AnalysisStep;
import io.nightwatch.schemas.AnalysisStepKind;
import io.nightwatch.schemas.analysis.BuiltinAnalyzer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real langchain4j Ollama client against a local server speaking Ollama's /api/chat, scripted over several turns. */
class OllamaAgentTest {

    static final String MODEL = "llama3.1:8b";
    static final String PROVIDER = "ollama:" + MODEL;

    @Test
    void drillsDownThroughToolsOverSeveralTurnsAndDecides() throws Exception {
        try (FakeOllama ollama = new FakeOllama()) {
            ollama.play(
                    tools(call("metric_rollups", "{\"service\":\"checkout\",\"metric\":\"latency_ms\"}")),
                    tools(call("instance_versions", "{\"service\":\"checkout\"}"), call("releases", "{}")),
                    answer(ROLLBACK_ANSWER));

            AnalysisResult result = agent(ollama).analyze(CANARY);

            assertThat(result.decision()).isEqualTo(new AnalysisDecision(AnalysisAction.ROLLBACK_RELEASE, "rel-42", Map.of(),
                    "only the canary regressed; the release is still active"));
            assertThat(result.provider()).isEqualTo(PROVIDER);
            assertThat(result.fallback()).isFalse();
            assertThat(result.confidence()).isEqualTo(0.86);
            assertThat(result.steps()).extracting(AnalysisStep::kind, AnalysisStep::name, AnalysisStep::summary).containsExactly(
                    tuple(AnalysisStepKind.PROMPT, "nightwatch-analyzer/1", result.steps().get(0).summary()),
                    tuple(AnalysisStepKind.MODEL_CALL, "turn 1", "asked for 1 tool call(s): metric_rollups (tokens in 100, out 20)"),
                    tuple(AnalysisStepKind.TOOL_CALL, "metric_rollups",
                            "metric_rollups: checkout-1/latency_ms: before avg 118.00 | during avg 431.00 | change x3.65"),
                    tuple(AnalysisStepKind.MODEL_CALL, "turn 2",
                            "asked for 2 tool call(s): instance_versions, releases (tokens in 200, out 20)"),
                    tuple(AnalysisStepKind.TOOL_CALL, "instance_versions", "instance_versions: checkout-1 1.5.0"),
                    tuple(AnalysisStepKind.TOOL_CALL, "releases",
                            "releases: release rel-42: 1.4.2 -> 1.5.0, status STAGE_STARTED, stage 1/4"),
                    tuple(AnalysisStepKind.MODEL_CALL, "turn 3",
                            "answered (" + ROLLBACK_ANSWER.length() + " chars) (tokens in 300, out 20)"),
                    tuple(AnalysisStepKind.VALIDATION, "answer", "valid: ROLLBACK_RELEASE rel-42"));
            assertThat(result.steps().get(2).arguments()).isEqualTo(Map.of("service", "checkout", "metric", "latency_ms"));

            List<Received> sent = ollama.received();
            assertThat(sent).hasSize(3);
            assertThat(sent).extracting(Received::path).containsOnly("/api/chat");
            JsonNode first = sent.get(0).body();
            assertThat(first.path("model").asText()).isEqualTo(MODEL);
            assertThat(first.path("stream").asBoolean(true)).isFalse();
            assertThat(first.path("options").path("temperature").asDouble()).isEqualTo(0.0);
            assertThat(roles(first)).containsExactly("system", "user");
            assertThat(first.path("messages").get(0).path("content").asText()).isEqualTo(Prompt.SYSTEM);
            List<String> offered = new ArrayList<>();
            first.path("tools").forEach(t -> offered.add(t.path("function").path("name").asText()));
            assertThat(offered).containsExactly("metric_rollups", "instance_versions", "releases");
            JsonNode third = sent.get(2).body();
            assertThat(roles(third)).containsExactly("system", "user", "assistant", "tool", "assistant", "tool", "tool");
            assertThat(third.path("messages").get(2).path("tool_calls").get(0).path("function").path("name").asText())
                    .isEqualTo("metric_rollups");
            assertThat(third.path("messages").get(3).path("content").asText())
                    .isEqualTo("checkout-1/latency_ms: before avg 118.00 | during avg 431.00 | change x3.65");
            assertThat(third.path("messages").get(6).path("content").asText())
                    .isEqualTo("release rel-42: 1.4.2 -> 1.5.0, status STAGE_STARTED, stage 1/4");
        }
    }

    @Test
    void fallsBackWhenOllamaFails() throws Exception {
        try (FakeOllama ollama = new FakeOllama()) {
            ollama.play(new Turn.Failure(404, "{\"error\":\"model 'llama3.1:8b' not found, try pulling it first\"}"),
                    new Turn.Failure(404, "{\"error\":\"model 'llama3.1:8b' not found, try pulling it first\"}"));

            AnalysisResult result = agent(ollama).analyze(CANARY);

            assertThat(result.fallback()).isTrue();
            assertThat(result.fallbackReason()).startsWith(PROVIDER + ": model call failed: ").contains("not found");
            assertThat(result.decision()).isEqualTo(BuiltinAnalyzer.analyze(CANARY, NOW).decision());
        }
    }

    @Test
    void fallsBackWhenTheAnswerHasAnActionOffTheAllowList() throws Exception {
        try (FakeOllama ollama = new FakeOllama()) {
            ollama.play(answer("""
                    Here is my analysis:
                    {"rootCause": "bad release", "confidence": 0.7, "evidence": [], "action": "DELETE_NAMESPACE",
                     "target": "checkout", "parameters": {}, "reason": "clean slate"}"""));

            AnalysisResult result = agent(ollama).analyze(CANARY);

            assertThat(result.fallbackReason()).isEqualTo(PROVIDER + ": the model's answer is invalid: action"
                    + " 'DELETE_NAMESPACE' is not allowed (allowed: [ROLLBACK_RELEASE, RESTART_INSTANCE, SCALE_OUT,"
                    + " ADJUST_RULE, SILENCE, NOTIFY, NONE])");
        }
    }

    private static AgentAnalyzer agent(FakeOllama ollama) {
        return new AgentAnalyzer(ChatModels.create(new ProviderSettings(ProviderKind.OLLAMA, ollama.baseUrl(), MODEL, null,
                Duration.ofSeconds(10))), PROVIDER, TOOLS, AgentBudgets.defaults(), 2, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}

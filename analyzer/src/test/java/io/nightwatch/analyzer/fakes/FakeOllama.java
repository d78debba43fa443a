package io.nightwatch.analyzer.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.schemas.Json;
import java.io.IOException;

/** A fake Ollama server: {@code POST /api/chat} (non-streaming), answering in Ollama's chat format. */
public final class FakeOllama extends ScriptedChatServer {

    public FakeOllama() throws IOException {
        super("/api/chat");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    protected String render(Turn turn, int n, JsonNode request) {
        ObjectNode message = Json.mapper().createObjectNode().put("role", "assistant");
        if (turn instanceof Turn.ToolCalls calls) {
            message.put("content", "");
            ArrayNode toolCalls = message.putArray("tool_calls");
            for (Turn.Call call : calls.calls()) {
                try {
                    toolCalls.addObject().putObject("function").put("name", call.name())
                            .set("arguments", Json.mapper().readTree(call.argumentsJson()));
                } catch (IOException e) {
                    throw new IllegalArgumentException("script arguments must be JSON: " + call.argumentsJson(), e);
                }
            }
        } else {
            message.put("content", ((Turn.Answer) turn).text());
        }
        ObjectNode response = Json.mapper().createObjectNode()
                .put("model", request.path("model").asText()).put("created_at", "2026-11-22T05:43:0" + (n % 10) + "Z");
        response.set("message", message);
        response.put("done_reason", "stop").put("done", true).put("total_duration", 1_000_000L)
                .put("prompt_eval_count", 100 * n).put("eval_count", 20);
        return response.toString();
    }

    @Override
    protected String lastMessageText(JsonNode request) {
        JsonNode messages = request.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if (m.path("role").asText().equals("user") || m.path("role").asText().equals("tool")) {
                return m.path("content").asText();
            }
        }
        return "";
    }
}

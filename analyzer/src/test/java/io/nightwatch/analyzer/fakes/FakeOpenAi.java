package io.nightwatch.analyzer.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.schemas.Json;
import java.io.IOException;

/** A fake OpenAI-compatible server: {@code POST /v1/chat/completions}, answering in the chat-completions format. */
public final class FakeOpenAi extends ScriptedChatServer {

    public FakeOpenAi() throws IOException {
        super("/v1/chat/completions");
    }

    /** The base URL to give the OpenAI client (up to /v1). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    @Override
    protected String render(Turn turn, int n, JsonNode request) {
        ObjectNode message = Json.mapper().createObjectNode().put("role", "assistant");
        String finish;
        if (turn instanceof Turn.ToolCalls calls) {
            message.putNull("content");
            ArrayNode toolCalls = message.putArray("tool_calls");
            int k = 0;
            for (Turn.Call call : calls.calls()) {
                ObjectNode tc = toolCalls.addObject().put("id", "call_" + n + "_" + (++k)).put("type", "function");
                tc.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
            }
            finish = "tool_calls";
        } else {
            message.put("content", ((Turn.Answer) turn).text());
            finish = "stop";
        }
        ObjectNode response = Json.mapper().createObjectNode()
                .put("id", "chatcmpl-" + n).put("object", "chat.completion").put("created", 1_795_000_000L + n)
                .put("model", request.path("model").asText());
        ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finish);
        response.putObject("usage").put("prompt_tokens", 100 * n).put("completion_tokens", 20).put("total_tokens", 100 * n + 20);
        return response.toString();
    }

    @Override
    protected String lastMessageText(JsonNode request) {
        JsonNode messages = request.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if (m.path("role").asText().equals("user") || m.path("role").asText().equals("tool")) {
                return m.path("content").isTextual() ? m.path("content").asText() : m.path("content").toString();
            }
        }
        return "";
    }
}

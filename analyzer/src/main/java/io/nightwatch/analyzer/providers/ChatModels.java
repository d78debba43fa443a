package io.nightwatch.analyzer.providers;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds the langchain4j chat model of a provider: deterministic sampling (temperature 0), one retry. */
public final class ChatModels {

    /** The key sent to OpenAI-compatible servers that need none (vLLM, LocalAI, Ollama's /v1 accept anything). */
    static final String NO_KEY = "not-needed";

    private ChatModels() {}

    public static ChatModel create(ProviderSettings s) {
        return switch (s.kind()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(s.baseUrl() == null ? ProviderSettings.OPENAI_DEFAULT_URL : s.baseUrl())
                    .apiKey(s.apiKey() == null ? NO_KEY : s.apiKey())
                    .modelName(s.model())
                    .temperature(0.0)
                    .timeout(s.timeout())
                    .maxRetries(1)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(s.baseUrl() == null ? ProviderSettings.OLLAMA_DEFAULT_URL : s.baseUrl())
                    .modelName(s.model())
                    .temperature(0.0)
                    .timeout(s.timeout())
                    .maxRetries(1)
                    .build();
            case BUILTIN -> throw new IllegalArgumentException("the builtin provider has no chat model");
        };
    }
}

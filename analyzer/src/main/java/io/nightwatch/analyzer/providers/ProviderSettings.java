package io.nightwatch.analyzer.providers;

import java.time.Duration;

/**
 * How to reach a model: provider, base URL (OpenAI-compatible: up to {@code /v1}; Ollama: the server root), model
 * name, API key (may be null for servers that need none) and the timeout of one model call.
 */
public record ProviderSettings(ProviderKind kind, String baseUrl, String model, String apiKey, Duration timeout) {

    /** OpenAI's public API. */
    public static final String OPENAI_DEFAULT_URL = "https://api.openai.com/v1";
    /** A local Ollama server. */
    public static final String OLLAMA_DEFAULT_URL = "http://localhost:11434";

    /** The provider name results report: {@code openai:<model>}, {@code ollama:<model>} or {@code builtin}. */
    public String providerName() {
        return kind == ProviderKind.BUILTIN ? "builtin" : kind.label() + ":" + model;
    }

    @Override
    public String toString() {
        return "ProviderSettings[kind=" + kind + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", timeout=" + timeout + "]";
    }
}

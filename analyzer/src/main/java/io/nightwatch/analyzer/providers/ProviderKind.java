package io.nightwatch.analyzer.providers;

import java.util.Locale;

/** Where decisions come from: the builtin rules, an OpenAI-compatible chat API, or Ollama's native API. */
public enum ProviderKind {
    BUILTIN,
    /** Any OpenAI-compatible chat-completions API with tool calls: OpenAI, vLLM, LocalAI, Ollama's /v1, ... */
    OPENAI,
    /** Ollama's native /api/chat. */
    OLLAMA;

    /** Parses {@code builtin}, {@code openai} or {@code ollama}. */
    public static ProviderKind parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("--provider must be builtin, openai or ollama, got '" + value + "'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

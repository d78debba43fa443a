package io.nightwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightwatch.analyzer.providers.ProviderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer's command line: defaults, providers, secrets from files or the environment, refused values. */
class AnalyzerOptionsTest {

    private static final Map<String, String> ENV = Map.of("NW_ANALYZER_TOKEN", "nw_analyzer_0123456789abcdef");

    @Test
    void defaultsToTheBuiltinProviderOnPort8090WithoutTools() {
        AnalyzerOptions o = AnalyzerOptions.parse(new String[0], ENV);

        assertThat(o.port()).isEqualTo(8090);
        assertThat(o.provider().kind()).isEqualTo(ProviderKind.BUILTIN);
        assertThat(o.provider().providerName()).isEqualTo("builtin");
        assertThat(o.jdbcUrl()).isNull();
        assertThat(o.token()).isEqualTo("nw_analyzer_0123456789abcdef");
        assertThat(o.budgets().maxToolCalls()).isEqualTo(8);
        assertThat(o.budgets().total()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void readsAnOpenAiCompatibleServerWithKeyAndTokenFromFiles(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key"), "sk-secret\n");
        Path token = Files.writeString(dir.resolve("token"), "nw_analyzer_from_file_123\n");

        AnalyzerOptions o = AnalyzerOptions.parse(new String[] {"--provider", "openai", "--base-url", "http://vllm:8000/v1",
                "--model", "qwen2.5-7b-instruct", "--api-key-file", key.toString(), "--token-file", token.toString(),
                "--jdbc-url", "jdbc:postgresql://db/nightwatch", "--time-budget", "45s", "--model-timeout", "20s",
                "--max-tool-calls", "5", "--port", "0"}, Map.of());

        assertThat(o.provider().providerName()).isEqualTo("openai:qwen2.5-7b-instruct");
        assertThat(o.provider().baseUrl()).isEqualTo("http://vllm:8000/v1");
        assertThat(o.provider().apiKey()).isEqualTo("sk-secret");
        assertThat(o.provider().timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.token()).isEqualTo("nw_analyzer_from_file_123");
        assertThat(o.budgets().total()).isEqualTo(Duration.ofSeconds(45));
        assertThat(o.budgets().maxToolCalls()).isEqualTo(5);
        assertThat(o.toString()).doesNotContain("sk-secret").doesNotContain("nw_analyzer_from_file_123");
    }

    @Test
    void refusesWhatCannotWork() {
        assertRefused(new String[] {"--provider", "gemini"}, ENV, "--provider must be builtin, openai or ollama, got 'gemini'");
        assertRefused(new String[] {"--provider", "ollama"}, ENV, "--model is required with --provider ollama");
        assertRefused(new String[] {"--provider", "openai", "--model", "gpt-4o-mini"}, ENV,
                "the OpenAI API needs a key (--api-key-file or NW_ANALYZER_API_KEY); for a local OpenAI-compatible server give --base-url");
        assertRefused(new String[0], Map.of(), "no bearer token: give --token-file FILE or set NW_ANALYZER_TOKEN");
        assertRefused(new String[0], Map.of("NW_ANALYZER_TOKEN", "short"), "the bearer token must have at least 16 characters");
        assertRefused(new String[] {"--prot", "9"}, ENV, "unknown option --prot; known: --api-key-file, --base-url,"
                + " --concurrency, --host, --jdbc-url, --jdbc-user, --max-model-turns, --max-tool-calls, --model,"
                + " --model-timeout, --port, --provider, --similar-candidates, --time-budget, --token-file, --tool-output-chars");
        assertRefused(new String[] {"--port", "http"}, ENV, "--port: not an integer: http");
        assertRefused(new String[] {"--time-budget", "soon"}, ENV, "--time-budget: not a positive duration (e.g. 500ms, 30s, 2min): soon");
        assertRefused(new String[] {"--time-budget", "10s"}, ENV, "--model-timeout 30s is longer than --time-budget 10s");
        assertRefused(new String[] {"--jdbc-url", "postgres://db"}, ENV, "--jdbc-url must be jdbc:postgresql://..., got postgres://db");
        assertRefused(new String[] {"--port"}, ENV, "expected --key value pairs, got '--port'");
    }

    private static void assertRefused(String[] args, Map<String, String> env, String message) {
        assertThatThrownBy(() -> AnalyzerOptions.parse(args, env)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
